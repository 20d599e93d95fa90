namespace LiveActors;

public static partial class Live
{
    /// <summary>The session is over: the answer to <see cref="Close"/>, and the last lifecycle event subscribers get after a close.</summary>
    public sealed record Closed : Event
    {
        /// <summary>The one instance.</summary>
        public static Closed Instance { get; } = new();

        private Closed()
        {
        }
    }
}
