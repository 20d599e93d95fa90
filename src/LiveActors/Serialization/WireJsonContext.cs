using System.Text.Json.Serialization;
using LiveActors.Errors;
using LiveActors.Sessions;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Serialization;

/// <summary>
/// Compile-time JSON metadata for the records <see cref="LiveActorsSerializer"/> writes: the session API's messages,
/// replies and lifecycle events, every <see cref="ConnectionError"/>, the region's messages and what durable sessions
/// store. Live API records inside them (client and server messages) are written as their wire JSON by converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    UseStringEnumConverter = true,
    Converters = [typeof(ExceptionConverter), typeof(ClientMessageConverter), typeof(ServerMessageConverter)])]
[JsonSerializable(typeof(ConnectionError))]
[JsonSerializable(typeof(Live.Send))]
[JsonSerializable(typeof(Live.SendAccepted))]
[JsonSerializable(typeof(Live.Subscribe))]
[JsonSerializable(typeof(Live.Subscribed))]
[JsonSerializable(typeof(Live.Unsubscribe))]
[JsonSerializable(typeof(Live.Unsubscribed))]
[JsonSerializable(typeof(Live.Receive))]
[JsonSerializable(typeof(Live.ReceivedMessages))]
[JsonSerializable(typeof(Live.StatusReport))]
[JsonSerializable(typeof(Live.SendFailed))]
[JsonSerializable(typeof(Live.Connected))]
[JsonSerializable(typeof(Live.Reconnected))]
[JsonSerializable(typeof(Live.Disconnected))]
[JsonSerializable(typeof(Live.GaveUp))]
[JsonSerializable(typeof(Live.Passivated))]
[JsonSerializable(typeof(Live.ToolCallPossiblyCancelled))]
[JsonSerializable(typeof(Live.ReplyCut))]
[JsonSerializable(typeof(Live.ResumptionRefused))]
[JsonSerializable(typeof(Live.MalformedFrameReceived))]
[JsonSerializable(typeof(LiveSessions.Envelope))]
[JsonSerializable(typeof(LiveSessions.GetSession))]
[JsonSerializable(typeof(LiveSessions.SessionRef))]
[JsonSerializable(typeof(LiveSessions.RegionStatus))]
[JsonSerializable(typeof(LiveSessions.GetRegionHealth))]
[JsonSerializable(typeof(LiveSessions.RegionHealth))]
[JsonSerializable(typeof(AuthenticationFailed))]
[JsonSerializable(typeof(BufferFull))]
[JsonSerializable(typeof(ConnectionFailed))]
[JsonSerializable(typeof(DeliveryUncertain))]
[JsonSerializable(typeof(InvalidOption))]
[JsonSerializable(typeof(MaxRetriesExceeded))]
[JsonSerializable(typeof(OpenFailed))]
[JsonSerializable(typeof(ProtocolError))]
[JsonSerializable(typeof(ReceiveTimeout))]
[JsonSerializable(typeof(ServerClosed))]
[JsonSerializable(typeof(ServerError))]
[JsonSerializable(typeof(ToolCallLost))]
[JsonSerializable(typeof(UnsupportedByModel))]
[JsonSerializable(typeof(ModelNotFound))]
[JsonSerializable(typeof(UpgradeError))]
[JsonSerializable(typeof(UpgradeFailed))]
[JsonSerializable(typeof(UpgradeTimeout))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(SessionSnapshot))]
[JsonSerializable(typeof(IndexEvent))]
[JsonSerializable(typeof(IndexSnapshot))]
[JsonSerializable(typeof(StateFlushed))]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
    "Trimming",
    "IL2026",
    Justification = "The generator describes Exception (errors hold causes), but ExceptionConverter writes and reads every exception: Exception.TargetSite is never read.")]
internal sealed partial class WireJsonContext : JsonSerializerContext;
