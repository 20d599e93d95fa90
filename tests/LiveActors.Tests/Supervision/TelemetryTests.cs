using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Telemetry;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

public sealed class TelemetryTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void A_session_reports_its_connect_activity_counters_and_logs_with_event_ids_and_no_secret()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LiveTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string? Kind)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LiveTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? kind = null;
            foreach (var tag in tags)
            {
                kind = tag.Key == "live.kind" ? tag.Value as string : kind;
            }

            measurements.Enqueue((instrument.Name, value, kind));
        });
        meterListener.Start();
        var logs = new RecordingLoggerFactory();

        var events = CreateTestProbe();
        var session = Sys.ActorOf(ConnectionSupervisor.Props(Options, events.Ref, logs)); // the public overload
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("measure me")));
        ExpectMsg<SendAccepted>();
        NextEvent<TurnCompleted>(events);
        session.Tell(Close.Instance);
        ExpectMsg<Closed>(Patience);

        var connect = Assert.Single(activities, a => a.OperationName == LiveTelemetry.ConnectActivity && Equals(a.GetTagItem("server.port"), Emulator.BaseAddress.Port));
        Assert.Equal(ActivityStatusCode.Ok, connect.Status);
        Assert.Contains(measurements, m => m is { Instrument: "live.messages.sent", Kind: "clientContent" });
        Assert.Contains(measurements, m => m is { Instrument: "live.messages.sent", Kind: "setup" });
        Assert.Contains(measurements, m => m is { Instrument: "live.bytes.received", Kind: "serverContent" } && m.Value > 0);
        Assert.Contains(logs.Lines, l => l.Id.Id == 1002 && l.Text.Contains(Emulator.BaseAddress.Authority, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Id.Id == 1008);
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains("test-key", StringComparison.Ordinal));
        Assert.DoesNotContain(activities.SelectMany(a => a.Tags), t => t.Value?.Contains("test-key", StringComparison.Ordinal) == true);
    }
}
