namespace LiveActors.Protocol;

/// <summary>
/// A JSON object with nothing in it, <c>{}</c>: the value of switches such as <c>activityStart</c>,
/// <c>googleSearch</c> or <c>codeExecution</c>, whose presence is the message.
/// </summary>
public sealed record EmptyObject : WireObject
{
    /// <summary>The shared instance.</summary>
    public static readonly EmptyObject Instance = new();
}
