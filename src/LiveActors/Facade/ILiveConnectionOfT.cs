namespace LiveActors.Facade;

/// <summary>
/// The <see cref="ILiveConnection"/> of the session registered under <typeparamref name="TKey"/>, so several sessions can
/// be injected side by side (<c>ILiveConnection&lt;Support&gt;</c>, <c>ILiveConnection&lt;Sales&gt;</c>).
/// </summary>
/// <typeparam name="TKey">The key the session was registered with.</typeparam>
public interface ILiveConnection<TKey> : ILiveConnection;
