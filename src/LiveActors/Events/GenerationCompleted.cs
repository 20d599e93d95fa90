using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The model has generated its whole reply (playback may still be under way).</summary>
    public sealed record GenerationCompleted : ServerEvent
    {
        internal GenerationCompleted(ServerMessage message) : base(message)
        {
        }
    }
}
