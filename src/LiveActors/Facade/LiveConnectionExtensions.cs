using LiveActors.Protocol;

namespace LiveActors.Facade;

/// <summary>Conveniences over <see cref="ILiveConnection"/> for the messages users send most.</summary>
public static class LiveConnectionExtensions
{
    /// <summary>
    /// Changes the system instruction or the tools mid-session (<see cref="ContextUpdate"/>); the server applies it in
    /// order with the rest of the input. Returns the Send's sequence.
    /// </summary>
    /// <param name="connection">The session.</param>
    /// <param name="update">What changes: <see cref="ContextUpdate.Instruction"/>, <see cref="ContextUpdate.ReplaceTools"/>, <see cref="ContextUpdate.ClearTools"/>.</param>
    /// <param name="cancellationToken">Stops the wait for the session's answer.</param>
    public static Task<long> UpdateContextAsync(this ILiveConnection connection, ContextUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(update);
        return connection.SendAsync(update, cancellationToken);
    }
}
