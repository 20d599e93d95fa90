using System.Text.Json;

namespace LiveActors.Emulator.Wire;

/// <summary>What one read of the client's side of the socket came to.</summary>
internal enum InboundKind
{
    /// <summary>A whole message that parses as JSON.</summary>
    Message,

    /// <summary>The client's close frame; its code and reason are on the socket.</summary>
    Closed,

    /// <summary>More bytes than the emulator accepts in one message; reading stopped there.</summary>
    TooBig,

    /// <summary>A whole message that is not JSON.</summary>
    NotJson,
}

/// <summary>One read of the client's side: a message to dispose of, or why there is none.</summary>
/// <param name="Kind">What came.</param>
/// <param name="Message">The message, for <see cref="InboundKind.Message"/>; the receiver disposes of it.</param>
/// <param name="Text">The bytes as text, for <see cref="InboundKind.NotJson"/>.</param>
internal readonly record struct Inbound(InboundKind Kind, JsonDocument? Message = null, string? Text = null);
