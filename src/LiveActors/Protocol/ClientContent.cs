namespace LiveActors.Protocol;

/// <summary>
/// Turns appended to the conversation in order (<c>{"clientContent":{...}}</c>); it interrupts any reply in progress.
/// </summary>
public sealed record ClientContent : ClientMessage
{
    /// <summary>The turns to append.</summary>
    public IReadOnlyList<Content>? Turns { get; init; }

    /// <summary>True to start generating; false to keep accumulating (for example when seeding history).</summary>
    public bool? TurnComplete { get; init; }

    /// <summary>A complete user turn of one text part: the usual way to ask something.</summary>
    public static ClientContent UserText(string text) => new() { Turns = [Content.FromText(text)], TurnComplete = true };
}
