namespace LiveActors.Actors;

/// <summary>How a session knows that the server has a client message, and so what it does with the rest after a drop.</summary>
internal enum DeliveryTracking
{
    /// <summary>
    /// No resumption: a written message is done. After a drop only the message being written is uncertain; the
    /// unwritten ones go to the next connection.
    /// </summary>
    Written,

    /// <summary>
    /// Resumption handles: a written message is kept until a resumable handle arrives after it (the handle's state
    /// includes it). After a drop, written messages no handle covers are reported as possibly undelivered.
    /// </summary>
    Handle,

    /// <summary>
    /// Transparent resumption (Vertex AI): the server says which message it consumed last
    /// (<c>lastConsumedClientMessageIndex</c>); after a drop every later one is replayed, exactly once, in order.
    /// </summary>
    Transparent,
}
