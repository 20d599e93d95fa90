using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

/// <summary>
/// Runs sessions with every kind of credential through reconnects and failures while collecting everything LiveActors
/// says (logs, Akka's log events, activity names and tags, metric tags, events, errors, exceptions, ToString output),
/// then looks for the API key, the ephemeral token, the OAuth access tokens, the signed JWTs and the private key.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output) : SessionTestKit(output, "akka.loglevel = DEBUG")
{
    private const string ApiKey = "canary-api-key-7f3a9c1e5b"; // not key-shaped, so no scanner takes it for a real one

    protected override LiveEmulatorOptions EmulatorOptions => base.EmulatorOptions with { ApiKey = ApiKey };

    [Fact]
    public async Task No_key_or_token_appears_in_logs_telemetry_events_errors_or_ToString_through_a_whole_session()
    {
        var said = new ConcurrentQueue<string>();
        using var telemetry = ListenToTelemetry(said);
        var logs = new RecordingLoggerFactory();
        var akkaLogs = CreateTestProbe();
        Sys.EventStream.Subscribe(akkaLogs.Ref, typeof(LogEvent));
        Sys.EventStream.Subscribe(akkaLogs.Ref, typeof(AllDeadLetters));
        await using var oauth = await FakeOAuthServer.StartAsync(Emulator);
        using var key = oauth.CreateKey();
        oauth.TokenLifetime = TimeSpan.FromSeconds(60); // a fresh token on every connect

        var token = await new EphemeralTokenClient(new HttpClient(), ApiKey, Emulator.BaseAddress).CreateAsync(new EphemeralTokenRequest { Uses = 0 });
        var sessions = new[]
        {
            Options with { ApiKey = ApiKey },
            Options with { ApiKey = token.Name },
            Options with { AuthStrategy = AuthStrategy.VertexAi, ApiKey = null, ProjectId = null, CredentialsFile = key.WriteFile() },
        };
        foreach (var options in sessions)
        {
            said.Enqueue(options.ToString());
            RunThroughADrop(options, logs, said);
        }

        RunIntoFailures(logs, said, oauth, key);

        said.Enqueue(token.ToString());
        foreach (var line in logs.Lines)
        {
            said.Enqueue(line.Text);
        }

        foreach (var message in akkaLogs.ReceiveWhile(TimeSpan.FromMilliseconds(200), m => m, int.MaxValue))
        {
            said.Enqueue(message.ToString() ?? "");
        }

        var secrets = new List<string> { ApiKey, token.Name["auth_tokens/".Length..], key.PrivateKeyPem.Split('\n')[5] };
        secrets.AddRange(oauth.IssuedTokens);
        secrets.AddRange(oauth.Assertions.Where(a => a.Length > 0));
        Assert.True(oauth.IssuedTokens.Count >= 2, "the Vertex AI session should have fetched a token per connect");
        Assert.True(logs.Lines.Count > 20 && said.Count > 100, $"too little was collected to prove anything ({said.Count} texts)");
        foreach (var secret in secrets)
        {
            var leak = said.FirstOrDefault(text => text.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"a secret leaked in: {leak}");
        }
    }

    [Fact]
    public void A_handle_the_server_echoes_in_a_close_reason_or_an_error_text_appears_in_no_error_event_log_or_exception()
    {
        var said = new ConcurrentQueue<string>();
        using var telemetry = ListenToTelemetry(said);
        var logs = new RecordingLoggerFactory();
        var akkaLogs = CreateTestProbe();
        Sys.EventStream.Subscribe(akkaLogs.Ref, typeof(LogEvent));
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession(Options with { ApiKey = ApiKey }, logs);
        session.Tell(new Send(ClientContent.UserText("first turn")));
        Collect(said, EventsUntil<TurnCompleted>(events));
        var handle = NextEvent<SessionResumptionUpdated>(events, u => u.Update.NewHandle is not null).Update.NewHandle!;

        // The resumed connection hears the handle back twice: in an error payload, then in the close frame's reason.
        Emulator.ScriptNextConnection(
            EmulatorFault.RawFrame(FaultTrigger.AfterSetup, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"handle " + handle + " is busy\"}}"),
            EmulatorFault.Close(FaultTrigger.AfterSetup, 1011, $"session {handle} moved; retry with key={ApiKey}"));
        session.Tell(new Send(ClientContent.UserText("this one is cut off")));
        var untilClosed = new List<object>();
        do
        {
            untilClosed.AddRange(EventsUntil<Disconnected>(events)); // the drop first, then the close
        }
        while (((Disconnected)untilClosed[^1]).Error is not ServerClosed);

        Collect(said, untilClosed);
        Collect(said, EventsUntil<Reconnected>(events));
        session.Tell(GetStatus.Instance);
        object reply;
        do
        {
            reply = ReceiveOne(Patience)!;
            Collect(said, reply);
        }
        while (reply is not StatusReport);
        session.Tell(Close.Instance);
        Collect(said, ExpectMsg<Closed>(Patience));
        var closed = (ServerClosed)((Disconnected)untilClosed[^1]).Error;
        var serverError = untilClosed.OfType<ServerErrorReceived>().Single().Error;
        Collect(said, new LiveConnectionException(closed), new LiveConnectionException(serverError), serverError, serverError.Message);
        foreach (var line in logs.Lines)
        {
            said.Enqueue(line.Text);
        }

        foreach (var message in akkaLogs.ReceiveWhile(TimeSpan.FromMilliseconds(200), m => m, int.MaxValue))
        {
            said.Enqueue(message.ToString() ?? "");
        }

        Assert.Equal($"session {TextRedaction.Mask} moved; retry with key={TextRedaction.Mask}", closed.Reason);
        Assert.Equal($"handle {TextRedaction.Mask} is busy", serverError.ServerMessage);
        Assert.Contains(logs.Lines, line => line.Text.Contains($"session {TextRedaction.Mask} moved", StringComparison.Ordinal));
        foreach (var secret in new[] { handle, ApiKey })
        {
            var leak = said.FirstOrDefault(text => text.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"a secret leaked in: {leak}");
        }
    }

    private void RunThroughADrop(LiveConnectionOptions options, RecordingLoggerFactory logs, ConcurrentQueue<string> said)
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession(options, logs);
        Collect(said, NextEvent<Connected>(events));
        session.Tell(new Send(ClientContent.UserText("first turn")));
        Collect(said, EventsUntil<TurnCompleted>(events));
        session.Tell(new Send(ClientContent.UserText("this one is cut off")));
        Collect(said, EventsUntil<Reconnected>(events));
        session.Tell(GetStatus.Instance);
        object reply;
        do
        {
            reply = ReceiveOne(Patience)!;
            Collect(said, reply); // SendAccepted twice, SendFailed(delivery_uncertain) for the cut-off one, the status
        }
        while (reply is not StatusReport);
        session.Tell(Close.Instance);
        Collect(said, ExpectMsg<Closed>(Patience));
    }

    private void RunIntoFailures(RecordingLoggerFactory logs, ConcurrentQueue<string> said, FakeOAuthServer oauth, ServiceAccountKey key)
    {
        var (_, wrongKey) = StartSession(Options with { ApiKey = "AIzaWrong-" + ApiKey }, logs);
        Collect(said, EventsUntil<GaveUp>(wrongKey));

        oauth.Failure = (HttpStatusCode.Unauthorized, "invalid_client", "The OAuth client was not found.");
        var vertex = Options with { AuthStrategy = AuthStrategy.VertexAi, ApiKey = null, Credential = VertexCredentials.FromJson(key.Json) };
        var (failing, refused) = StartSession(vertex, logs);
        failing.Tell(new Send(ClientContent.UserText("anyone?"))); // queued while the token is fetched, failed with the error
        ExpectMsg<SendAccepted>();
        Collect(said, EventsUntil<GaveUp>(refused));
        var failure = ExpectMsg<SendFailed>();
        Collect(said, failure, failure.Error);
        oauth.Failure = null;
    }

    private static void Collect(ConcurrentQueue<string> said, params object[] things)
    {
        foreach (var thing in things)
        {
            switch (thing)
            {
                case IEnumerable<object> many:
                    Collect(said, [.. many]);
                    break;
                case Exception e:
                    said.Enqueue(e.ToString());
                    break;
                default:
                    said.Enqueue(thing.ToString() ?? "");
                    var error = thing switch
                    {
                        Disconnected d => d.Error,
                        GaveUp g => g.Error,
                        StatusReport s => s.LastError,
                        _ => null,
                    };
                    if (error is not null)
                    {
                        Collect(said, Describe(error));
                    }

                    break;
            }
        }
    }

    private static IEnumerable<object> Describe(ConnectionError error)
    {
        yield return error.Message;
        switch (error)
        {
            case UpgradeFailed upgrade:
                yield return string.Join(";", upgrade.Headers.Select(h => $"{h.Key}={h.Value}"));
                yield return upgrade.Body ?? "";
                break;
            case AuthenticationFailed { Cause: { } cause }:
                yield return cause;
                break;
            case MaxRetriesExceeded retries:
                yield return retries.LastError.Message;
                break;
        }
    }

    private static IDisposable ListenToTelemetry(ConcurrentQueue<string> said)
    {
        var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LiveTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                said.Enqueue($"{activity.DisplayName} {activity.StatusDescription}");
                foreach (var tag in activity.TagObjects)
                {
                    said.Enqueue($"{tag.Key}={tag.Value}");
                }

                foreach (var e in activity.Events)
                {
                    said.Enqueue(e.Name + string.Concat(e.Tags.Select(t => $" {t.Key}={t.Value}")));
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LiveTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                said.Enqueue($"{instrument.Name} {tag.Key}={tag.Value}");
            }
        }

        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        meters.Start();
        return new Both(activities, meters);
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
