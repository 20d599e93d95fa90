using LiveActors.Protocol;

namespace LiveActors.Facade;

/// <summary>Conveniences over <see cref="ILiveConnection"/> for the messages users send most.</summary>
public static class LiveConnectionExtensions
{
    /// <summary>
    /// Asks the model in text (<see cref="ClientContent.UserText"/>, which the session writes in the form the model takes:
    /// realtimeInput.text on Gemini 3.x) and gathers its answer; see <see cref="ILiveConnection.AskAsync"/>.
    /// </summary>
    /// <param name="connection">The session.</param>
    /// <param name="text">What the user says.</param>
    /// <param name="cancellationToken">Stops the wait, not the session.</param>
    public static Task<LiveReply> AskAsync(this ILiveConnection connection, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(text);
        return connection.AskAsync(ClientContent.UserText(text), cancellationToken);
    }

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
