using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A frame that was not a Live API message (not JSON, not an object...). It is reported and skipped; the session goes on.</summary>
    /// <param name="Error">What was wrong with it.</param>
    public sealed record MalformedFrameReceived(ProtocolError Error) : Event;
}
