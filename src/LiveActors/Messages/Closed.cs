namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// The session is over: the answer to <see cref="Close"/>, and the last event subscribers get after a close (an asker
    /// that also subscribes is told once). The session actor stops right after it.
    /// </summary>
    public sealed record Closed : Event
    {
        /// <summary>The one instance.</summary>
        public static Closed Instance { get; } = new();

        private Closed()
        {
        }
    }
}
