namespace LiveActors;

public static partial class Live
{
    /// <summary>Asks for the session's <see cref="StatusReport"/> (gemini_ex's <c>status</c> and <c>connected?</c>).</summary>
    public sealed record GetStatus
    {
        /// <summary>The one instance.</summary>
        public static GetStatus Instance { get; } = new();

        private GetStatus()
        {
        }
    }
}
