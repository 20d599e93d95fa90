namespace LiveActors.Messages;

/// <summary>The session is over: the answer to <see cref="Close"/>, and the last lifecycle event subscribers get after a close.</summary>
public sealed record Closed : Events.LiveEvent
{
    /// <summary>The one instance.</summary>
    public static Closed Instance { get; } = new();

    private Closed()
    {
    }
}
