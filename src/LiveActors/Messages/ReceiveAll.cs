namespace LiveActors;

public static partial class Live
{
    /// <summary>Takes every message in the inbox now, without waiting; the answer is <see cref="ReceivedMessages"/> (possibly empty).</summary>
    public sealed record ReceiveAll
    {
        /// <summary>The one instance.</summary>
        public static ReceiveAll Instance { get; } = new();

        private ReceiveAll()
        {
        }
    }
}
