namespace LiveActors.Facade;

/// <summary>Why a <see cref="LiveReply"/> is over.</summary>
public enum LiveReplyEnd
{
    /// <summary>
    /// The model is done and waits for input (<see cref="Live.InteractionCompleted"/>: IDLE where the model reports an
    /// interactionStatus, else turnComplete).
    /// </summary>
    Completed,

    /// <summary>The model asked for tools and waits for their results: send a toolResponse (with AskAsync, to get the rest).</summary>
    ToolCall,

    /// <summary>A drop cut the reply (<see cref="Live.ReplyCut"/>): the server does not continue it; ask again if it matters.</summary>
    Cut,

    /// <summary>The message was not delivered (<see cref="Live.SendFailed"/>), so no answer will come.</summary>
    NotDelivered,

    /// <summary>The session ended (closed, or gave up) before the answer did.</summary>
    SessionEnded,
}
