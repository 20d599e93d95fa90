using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>The server will end this connection after <see cref="TimeLeft"/>; reconnect with a resumption handle before then.</summary>
public sealed record GoAway : WireObject
{
    /// <summary>How long the connection has left (a protobuf Duration such as <c>"50s"</c> on the wire).</summary>
    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? TimeLeft { get; init; }
}
