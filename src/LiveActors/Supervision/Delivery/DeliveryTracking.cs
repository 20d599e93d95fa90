namespace LiveActors.Supervision.Delivery;

/// <summary>How a session knows that the server has a client message, and so what it does with the rest after a drop.</summary>
internal enum DeliveryTracking
{
    /// <summary>
    /// No resumption: a written message is done. After a drop only the message being written is uncertain; the
    /// unwritten ones go to the next connection.
    /// </summary>
    Written,

    /// <summary>
    /// Resumption handles (Gemini API): a written message is kept until a reply shows the server has it and a
    /// resumable handle arrives after that evidence (docs/live-api.md 5.3). After a drop, written messages no such handle
    /// covers are uncertain: reported, or sent again as <c>session-resumption.uncertain-messages</c> says.
    /// </summary>
    Handle,

    /// <summary>
    /// Transparent resumption (Vertex AI): the server says which message it consumed last
    /// (<c>lastConsumedClientMessageIndex</c>); after a drop every later one is replayed, exactly once, in order. A
    /// consumed turn no reply answered is not replayed (the server has it) but reported uncertain: its answer may never come.
    /// </summary>
    Transparent,
}
