using Akka.Actor;
using Akka.Configuration;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Supervision;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Sessions;

/// <summary>
/// A session outlives its process: one actor system with a SQLite file stops, a second on the same file recovers the
/// session by its id and the conversation goes on (the emulator's record is the proof), or is reported where it cannot.
/// </summary>
public sealed class RestartTests(ITestOutputHelper output) : SessionTestKit(output), IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"live-sessions-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_second_process_on_the_same_file_continues_the_conversation()
    {
        await using (var first = await RegionAsync("first"))
        {
            Assert.Equal(LiveReplyEnd.Completed, (await first.Sessions.Get("call").AskAsync("one")).End);
            // The handle that confirms "one" comes just after its reply: wait until it is stored.
            await AwaitAssertAsync(async () => Assert.Equal(new StateFlushed(true, 0, 1), await first.FlushAsync("call")), Patience);
        }

        Assert.True(HasJournalRows()); // the state is in the SQLite file, nowhere else

        await using var second = await RegionAsync("second");
        var reply = await second.Sessions.Get("call").AskAsync("two");

        Assert.Equal("Turn 2: you said \"two\"", reply.Text); // the emulator's turn counter goes on: the same conversation
        var resumed = await Emulator.WaitForConnectionAsync(2);
        Assert.Contains("\"handle\"", resumed.Messages[0].Json, StringComparison.Ordinal);
        Assert.Equal(["text:one", "text:two"], SessionLog.Describe(resumed.SessionMessages));
    }

    [Fact]
    public async Task What_the_server_had_not_shown_it_had_is_reported_to_the_first_subscriber_after_the_restart()
    {
        await using (var first = await RegionAsync("first"))
        {
            await first.Sessions.Get("call").AskAsync("one");
            await first.Sessions.Get("call").SendAsync(Poke.Send.Message); // no reply will show the server has it
            Assert.InRange((await first.FlushAsync("call")).Held, 1, 2); // "one" too, if its handle had not come yet
        }

        await using var second = await RegionAsync("second");
        var events = CreateTestProbe();
        second.Region.Tell(new LiveSessions.Envelope("call", new Subscribe(events.Ref)), TestActor);
        ExpectMsg<Subscribed>();

        var failed = NextEvent<SendFailed>(events, f => f.Sequence == 2);
        Assert.IsType<DeliveryUncertain>(failed.Error);
        Assert.Equal(new StateFlushed(true, 0, 2), await second.FlushAsync("call"));
    }

    [Fact]
    public async Task A_refused_handle_after_the_restart_falls_back_to_a_fresh_session()
    {
        await using (var first = await RegionAsync("first"))
        {
            await first.Sessions.Get("call").AskAsync("one");
            await first.FlushAsync("call");
        }

        Emulator.ExpireResumptionHandles();
        await using var second = await RegionAsync("second");
        var events = CreateTestProbe();
        second.Region.Tell(new LiveSessions.Envelope("call", new Subscribe(events.Ref)), TestActor);
        ExpectMsg<Subscribed>();
        var reply = await second.Sessions.Get("call").AskAsync("two");

        NextEvent<ResumptionRefused>(events);
        Assert.Equal("Turn 1: you said \"two\"", reply.Text);
    }

    [Fact]
    public async Task A_handle_older_than_the_service_keeps_sessions_is_not_tried()
    {
        await using (var first = await RegionAsync("first"))
        {
            await first.Sessions.Get("call").AskAsync("one");
            await first.FlushAsync("call");
        }

        await using var second = await RegionAsync("second", sessions => sessions with { HandleValidity = TimeSpan.FromMilliseconds(1) });
        var events = CreateTestProbe();
        second.Region.Tell(new LiveSessions.Envelope("call", new Subscribe(events.Ref)), TestActor);
        ExpectMsg<Subscribed>();

        Assert.IsType<ConnectionFailed>(NextEvent<ResumptionRefused>(events).Error);
        Assert.Equal("Turn 1: you said \"two\"", (await second.Sessions.Get("call").AskAsync("two")).Text);
        Assert.DoesNotContain("\"handle\"", (await Emulator.WaitForConnectionAsync(2)).Messages[0].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovered_conversation_goes_on_with_the_setup_it_started_with_whatever_the_factory_says_now()
    {
        LiveConnectionOptions WithInstruction(string text) => Options with { Setup = new Setup { SystemInstruction = Content.FromText(text, role: null) } };
        await using (var first = await RegionAsync("first", sessions => sessions with { OptionsFor = _ => WithInstruction("You are a pirate.") }))
        {
            await first.Sessions.Get("call").AskAsync("one");
        }

        Emulator.ExpireResumptionHandles(); // even a fresh session, the fallback, takes the conversation's setup
        await using var second = await RegionAsync("second", sessions => sessions with { OptionsFor = _ => WithInstruction("You are a lawyer.") });
        await second.Sessions.Get("call").AskAsync("two");
        await second.Sessions.Get("new call").AskAsync("hi");

        // Connection 2 offered the stored handle and was refused; 3 is the fresh session, 4 the new call.
        Assert.Contains("You are a pirate.", (await Emulator.WaitForConnectionAsync(2)).Messages[0].Json, StringComparison.Ordinal);
        Assert.Equal("You are a pirate.", (await Emulator.WaitForConnectionAsync(3)).SessionInstruction);
        Assert.Equal("You are a lawyer.", (await Emulator.WaitForConnectionAsync(4)).SessionInstruction);
    }

    [Fact]
    public async Task With_persistence_off_a_second_process_starts_over()
    {
        await using (var first = await RegionAsync("first", sessions => sessions with { Persistence = false }))
        {
            await first.Sessions.Get("call").AskAsync("one");
        }

        await using var second = await RegionAsync("second", sessions => sessions with { Persistence = false });

        Assert.Equal("Turn 1: you said \"two\"", (await second.Sessions.Get("call").AskAsync("two")).Text);
        Assert.False(File.Exists(_file) && new FileInfo(_file).Length > 0 && HasJournalRows());
    }

    [Fact]
    public async Task Shutting_down_passivates_each_session_once_a_handle_covers_everything_so_the_next_process_resumes_exactly()
    {
        // The handle that covers "one" comes well after its reply; the process stops right after the reply. Without the
        // shutdown's passivation the stored handle would be the one before "one", and the next process would lose it.
        Emulator.ScriptNextConnection(EmulatorFault.DelayResumptionUpdates(TimeSpan.FromMilliseconds(500)));
        await using (var first = await RegionAsync("first"))
        {
            Assert.Equal(LiveReplyEnd.Completed, (await first.Sessions.Get("call").AskAsync("one")).End);
        }

        await using var second = await RegionAsync("second");
        var reply = await second.Sessions.Get("call").AskAsync("two");

        Assert.Equal("Turn 2: you said \"two\"", reply.Text);
        Assert.Equal(["text:one", "text:two"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
    }

    [Fact]
    public async Task With_recover_open_sessions_the_next_process_resumes_every_session_that_held_a_socket_at_once()
    {
        await using (var first = await RegionAsync("first", sessions => sessions with { RecoverOpenSessions = true }))
        {
            await first.Sessions.Get("open").AskAsync("one");
            await first.Sessions.Get("closed").AskAsync("one");
            await first.Sessions.Get("closed").CloseAsync();
            await first.Sessions.Get("idle").AskAsync("one");
            await AwaitAssertAsync(async () => Assert.True((await first.FlushAsync("idle")).HasHandle), Patience);
            var idle = CreateTestProbe();
            first.Region.Tell(new LiveSessions.Envelope("idle", new Subscribe(idle.Ref)), TestActor);
            ExpectMsg<Subscribed>();
            first.Region.Tell(new LiveSessions.Envelope("idle", PassivateIfIdle.Instance));
            NextEvent<Passivated>(idle);
        }

        Assert.Equal(3, Emulator.Connections.Count);
        await using var second = await RegionAsync("second", sessions => sessions with { RecoverOpenSessions = true });

        // Nothing is sent: the region recovers "open" by itself, and it resumes on a new connection.
        using var patience = new CancellationTokenSource(Patience);
        var resumed = await (await Emulator.WaitForConnectionAsync(4, patience.Token)).WaitForMessagesAsync(1, patience.Token);
        Assert.Contains("\"handle\"", resumed[0].Json, StringComparison.Ordinal);
        await AwaitAssertAsync(async () => Assert.Equal(new LiveSessions.RegionStatus(1, 1),
            await second.Region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience)), Patience);
        Assert.Equal("Turn 2: you said \"two\"", (await second.Sessions.Get("open").AskAsync("two")).Text);
        Assert.Equal(4, Emulator.Connections.Count); // "idle" waits for its next message; "closed" is over
    }

    public new void Dispose()
    {
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }

        base.Dispose();
    }

    private bool HasJournalRows()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(LiveSessionsSqlite.ConnectionString(_file));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT count(*) FROM journal WHERE persistence_id = 'live-session-call'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task<Process> RegionAsync(string name, Func<LiveSessionsOptions, LiveSessionsOptions>? configure = null)
    {
        // A message nothing will confirm holds the shutdown's passivation back until the phase's timeout: keep it short.
        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.coordinated-shutdown.phases.service-requests-done.timeout = 2s");
        var system = ActorSystem.Create(name, LiveSessionsSqlite.Config(_file).WithFallback(config));
        var options = new LiveSessionsOptions(_ => Options);
        var region = system.ActorOf(LiveSessions.Props(configure?.Invoke(options) ?? options, TestEnvironment.Empty), "calls");
        await Task.CompletedTask;
        return new Process(system, region, new LiveSessionsFacade(system, region));
    }

    /// <summary>One "process": an actor system with its region, stopped on dispose.</summary>
    private sealed record Process(ActorSystem System, IActorRef Region, ILiveSessions Sessions) : IAsyncDisposable
    {
        public async Task<StateFlushed> FlushAsync(string id) =>
            await Region.Ask<StateFlushed>(new LiveSessions.Envelope(id, FlushState.Instance), TimeSpan.FromSeconds(10));

        public async ValueTask DisposeAsync() => await System.Terminate();
    }
}
