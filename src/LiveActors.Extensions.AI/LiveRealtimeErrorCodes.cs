namespace LiveActors.Extensions.AI;

/// <summary>
/// The <c>ErrorCode</c>s the adapter itself gives, beside those of the session's errors (<c>tool_call_lost</c>,
/// <c>delivery_uncertain</c>, <c>buffer_full</c>, <c>max_retries_exceeded</c>, ...): a response ended by a drop says
/// which of the two outcomes it had, so an app can tell "ask again yourself" from "the whole reply is on its way".
/// </summary>
public static class LiveRealtimeErrorCodes
{
    /// <summary>
    /// A drop cut the response (status <c>incomplete</c>) and the rest of it will not come: the server does not continue a
    /// reply on a resumed connection. Ask again if it matters.
    /// </summary>
    public const string ReplyCut = "reply_cut";

    /// <summary>
    /// A drop cut the response (status <c>incomplete</c>) and the session asked the model again
    /// (<c>session-resumption.ask-again-after-cut-reply</c>): the next response is the whole reply, from its start.
    /// </summary>
    public const string ReplyAskedAgain = "reply_asked_again";

    /// <summary>
    /// The server refused to resume the conversation (its handle expired or is unknown): the session goes on as a fresh
    /// one, and the model no longer has what was said before.
    /// </summary>
    public const string ResumptionRefused = "resumption_refused";
}
