using Akka.Actor;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Telemetry;

/// <summary>A session started without an ILoggerFactory logs to the actor system's log; one with a factory, only there.</summary>
public sealed class AkkaLoggingTests(ITestOutputHelper output) : SessionTestKit(output, "akka.loglevel = INFO")
{
    [Fact]
    public async Task Without_a_logger_factory_connects_go_to_akkas_log()
    {
        await EventFilter.Info(contains: "Connected to ws://127.0.0.1").ExpectOneAsync(Patience, () =>
        {
            var (_, events) = StartSession(logs: null);
            NextEvent<Connected>(events);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Without_a_logger_factory_a_drop_and_its_retry_go_to_akkas_log_as_a_warning_and_info()
    {
        Emulator.ScriptNextConnection(LiveActors.Emulator.Faults.EmulatorFault.Drop(LiveActors.Emulator.Faults.FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession(logs: null);
        NextEvent<Connected>(events);

        await EventFilter.Warning(contains: "Disconnected: connection_failed").ExpectOneAsync(Patience, async () =>
        {
            await EventFilter.Info(contains: "Retrying in").ExpectOneAsync(Patience, () =>
            {
                session.Tell(new Send(LiveActors.Protocol.ClientContent.UserText("hi")));
                NextEvent<Reconnected>(events);
                return Task.CompletedTask;
            });
        });
    }

    [Fact]
    public async Task With_a_logger_factory_nothing_goes_to_akkas_log()
    {
        var logs = new RecordingLoggerFactory();

        await EventFilter.Info(contains: "Connected to").ExpectAsync(0, TimeSpan.FromSeconds(1), () =>
        {
            var (_, events) = StartSession(logs: logs);
            NextEvent<Connected>(events);
            return Task.CompletedTask;
        });

        Assert.Contains(logs.Lines, line => line.Text.StartsWith("Connected to", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_of_one_actor_system_share_its_factory_and_one_logger_per_category()
    {
        var factory = LiveActors.Telemetry.AkkaLoggerFactory.For(Sys);

        Assert.Same(factory, LiveActors.Telemetry.AkkaLoggerFactory.For(Sys));
        Assert.Same(factory.CreateLogger("LiveActors.Supervision.ConnectionSupervisor"), factory.CreateLogger("LiveActors.Supervision.ConnectionSupervisor"));
        Assert.NotSame(factory.CreateLogger("LiveActors.Supervision.ConnectionSupervisor"), factory.CreateLogger("LiveActors.Transport.ConnectionActor"));
    }

    [Fact]
    public async Task A_message_with_braces_is_logged_as_it_is_not_read_as_a_format()
    {
        var logger = LiveActors.Telemetry.AkkaLoggerFactory.For(Sys).CreateLogger("test");

        await EventFilter.Warning(message: """Closed: {"error":{"code":1011}} {0} {x}""").ExpectOneAsync(Patience, () =>
        {
            Microsoft.Extensions.Logging.LoggerExtensions.Log(logger, Microsoft.Extensions.Logging.LogLevel.Warning, "{Text}", """Closed: {"error":{"code":1011}} {0} {x}""");
            return Task.CompletedTask;
        });
    }
}
