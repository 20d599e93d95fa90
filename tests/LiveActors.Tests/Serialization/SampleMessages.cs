using System.Text.Json;
using IActorRef = Akka.Actor.IActorRef;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;
using LiveActors.Models;

namespace LiveActors.Tests.Serialization;

/// <summary>One instance of every type LiveActorsSerializer writes (server events aside: they come from sample frames).</summary>
internal static class SampleMessages
{
    public static IEnumerable<object> All(IActorRef actor)
    {
        var uncertain = new DeliveryUncertain(new ConnectionFailed("the server dropped the connection") { Cause = new IOException("reset") });
        yield return new Send(ClientContent.UserText("Hello"), "corr-1");
        yield return new Send(RealtimeInput.Pcm(new byte[] { 1, 2, 3, 4 }));
        yield return new Send(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "call-1", Name = "echo", Response = JsonDocument.Parse("""{"ok":true}""").RootElement }] });
        yield return Send.Raw(JsonDocument.Parse("""{"futureMessage":{"x":1}}""").RootElement);
        yield return new SendAccepted(12, 99L);
        yield return new Subscribe(actor);
        yield return new Subscribed(actor);
        yield return new Unsubscribe(actor);
        yield return new Unsubscribed(actor);
        yield return new Receive(TimeSpan.FromSeconds(5));
        yield return new Receive();
        yield return new ReceivedMessages([ServerMessageParser.Parse("""{"setupComplete":{}}"""u8)]);
        yield return new StatusReport(ConnectionStatus.Connected, 2, uncertain, true, 3) { PendingMessages = 4, PendingBytes = 1000, UnconfirmedMessages = 1 };
        yield return ServerMessageParser.Parse("""{"serverContent":{"modelTurn":{"parts":[{"text":"hi"}]},"odd":1}}"""u8);
        yield return new SendFailed(3, uncertain, "corr-3");
        yield return new Connected("session-1") { Resumed = true };
        yield return new Reconnected(true, null) { ReplayedMessages = 2 };
        yield return new Disconnected(new ServerClosed(1011, "Internal error"), true, TimeSpan.FromMilliseconds(250));
        yield return new GaveUp(new MaxRetriesExceeded(3, new UpgradeFailed(503, new Dictionary<string, string> { ["retry-after"] = "2" }) { Body = "busy" }));
        yield return new Passivated(TimeSpan.FromMinutes(2));
        yield return new ToolCallPossiblyCancelled(["call-1", "call-2"]);
        yield return new ReplyCut(5, null, new ConnectionFailed("cut"));
        yield return new ResumptionRefused(new ServerError(400, "INVALID_ARGUMENT", "bad handle"));
        yield return new MalformedFrameReceived(new ProtocolError("not JSON"));
        yield return new LiveSessions.Envelope("call-1", GetStatus.Instance);
        yield return new LiveSessions.GetSession("call-1");
        yield return new LiveSessions.SessionRef("call-1", actor);
        yield return new LiveSessions.RegionStatus(10, 4);
        yield return new LiveSessions.GetRegionHealth(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        yield return new LiveSessions.RegionHealth(10, 6, 1, 1, 0, 2, 0, 1, "upgrade_failed");
        yield return new StateFlushed(true, 2, 7);
        yield return new SessionEvent { Kind = SessionEventKind.Accepted, Sequence = 4, Message = """{"realtimeInput":{"text":"hi"}}""", Correlation = "c" };
        yield return new SessionEvent { Kind = SessionEventKind.Handle, Handle = "Cjhandle", At = DateTimeOffset.UnixEpoch };
        yield return new SessionSnapshot { Handle = "Cjhandle", LastSequence = 9, Held = [new StoredMessage(9, "{}", null)], Started = true };
        yield return IndexEvent.Opened("call-1");
        yield return new IndexSnapshot { Open = ["call-1", "call-2"] };
        yield return new GaveUp(new AuthenticationFailed("expired", Transient: false) { Status = 401, Cause = new InvalidOperationException("x") });
        yield return new GaveUp(new BufferFull(1024, 1_000_000));
        yield return new GaveUp(new InvalidOption("Model", "live-actors.model", "is required."));
        yield return new GaveUp(new OpenFailed("refused") { IsCertificateError = true });
        yield return new GaveUp(new ReceiveTimeout(TimeSpan.FromSeconds(60)));
        yield return new GaveUp(new ToolCallLost(["a", "b"]));
        yield return new GaveUp(new UnsupportedByModel("gemini-3.1", "gemini-3.1-early-2026", "ClientContent", "RealtimeInput.FromText"));
        yield return new GaveUp(new ModelNotFound("gemini-live-2.5-flash-preview", "models/gemini-live-2.5-flash-preview is not found for API version v1beta"));
        yield return new GaveUp(new UpgradeError("tls") { Cause = new IOException("eof") });
        yield return new GaveUp(new UpgradeTimeout(TimeSpan.FromSeconds(30)) { Stage = "setupComplete" });
        yield return new GaveUp(NoApiKey.Instance);
        yield return new GaveUp(ProjectIdRequiredForVertexAi.Instance);
    }
}
