namespace LiveActors;

public static partial class Live
{
    /// <summary>The answer to <see cref="Send"/>: the session owns the message now.</summary>
    /// <param name="Sequence">The message's number in the session (1 for the first message after setup), for matching a later <see cref="SendFailed"/>.</param>
    /// <param name="Correlation">The <see cref="Send.Correlation"/> the message was sent with.</param>
    public sealed record SendAccepted(long Sequence, object? Correlation = null);
}
