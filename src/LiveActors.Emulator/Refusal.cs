namespace LiveActors.Emulator;

/// <summary>Why the emulated service closes the connection on a client message: the close code and reason it sends.</summary>
/// <param name="Code">The WebSocket close code.</param>
/// <param name="Reason">The close reason, worded as the service words it.</param>
/// <param name="Violation">The family rule broken, for <see cref="ConnectionRecord.Violation"/>; null for any other refusal.</param>
internal sealed record Refusal(int Code, string Reason, string? Violation = null)
{
    private const string InvalidArgumentReason = "Request contains an invalid argument.";

    /// <summary>1007, as the service closes on a message it cannot accept.</summary>
    public static Refusal InvalidArgument { get; } = new(1007, InvalidArgumentReason);

    /// <summary>1007 for a message a Gemini 3.x model does not accept, noting which rule it broke.</summary>
    public static Refusal Breaks(string violation) => new(1007, InvalidArgumentReason, violation);
}
