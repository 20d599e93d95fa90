using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveActors.Emulator.Tests.Support;

/// <summary>One whole message as a bare client received it: its frame type, payload and how many frames carried it.</summary>
internal sealed class Received(WebSocketMessageType type, byte[] payload, int frames, WebSocketCloseStatus? closeStatus = null, string? closeReason = null)
{
    public WebSocketMessageType Type { get; } = type;

    public byte[] Payload { get; } = payload;

    public int Frames { get; } = frames;

    public WebSocketCloseStatus? CloseStatus { get; } = closeStatus;

    public string? CloseReason { get; } = closeReason;

    public string Text => Encoding.UTF8.GetString(Payload);

    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;

    /// <summary>The single top-level member a server message has (e.g. <c>serverContent</c>), or the close marker.</summary>
    public string Kind => Type == WebSocketMessageType.Close ? "(close)" : Json.EnumerateObject().First().Name;

    public JsonElement Body => Json.GetProperty(Kind);

    public bool Has(string kind, string member) =>
        Type != WebSocketMessageType.Close && Json.TryGetProperty(kind, out var body) && body.TryGetProperty(member, out _);

    public override string ToString() => Type == WebSocketMessageType.Close ? $"close {(int?)CloseStatus} {CloseReason}" : Text;
}
