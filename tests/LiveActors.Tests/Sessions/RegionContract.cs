using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Sessions;

/// <summary>
/// The region contract <see cref="LiveSessions"/> states, as one set of tests every kind of region runs: the local
/// region (<see cref="LocalRegionContractTests"/>) and the sharded one (Cluster's <c>ShardedRegionContractTests</c>).
/// </summary>
public abstract class RegionContract : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ActorSystem? _system;

    protected LiveEmulator Emulator { get; private set; } = null!;

    /// <summary>Whether this kind of region moves its sessions between nodes (and says so in its SessionRef).</summary>
    protected abstract bool SessionsMove { get; }

    private ActorSystem System => _system ?? throw new InvalidOperationException("no region started");

    private LiveConnectionOptions Options => new()
    {
        Model = "gemini-2.5-flash",
        ApiKey = "test-key",
        BaseAddress = Emulator.BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new RetryOptions { Attempts = 3, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    public async Task InitializeAsync() => Emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 1 }));

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.Terminate().WaitAsync(Patience);
        }

        await Emulator.DisposeAsync();
        await DisposeRegionAsync();
    }

    [Fact]
    public async Task An_envelope_starts_the_session_and_its_reply_comes_back_to_the_envelopes_sender()
    {
        var region = await RegionAsync();

        var report = await region.Ask<StatusReport>(new LiveSessions.Envelope("call-1", GetStatus.Instance), Patience);
        var accepted = await region.Ask<SendAccepted>(new LiveSessions.Envelope("call-1", new Send(ClientContent.UserText("hello"), Correlation: "c1")), Patience);

        Assert.NotNull(report);
        Assert.Equal("c1", accepted.Correlation);
    }

    [Fact]
    public async Task GetSession_answers_each_id_with_its_own_session_the_same_while_it_lives_and_says_whether_it_may_move()
    {
        var region = await RegionAsync();

        var a = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("a"), Patience);
        var b = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("b"), Patience);
        var again = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("a"), Patience);

        Assert.Equal(("a", "b"), (a.SessionId, b.SessionId));
        Assert.NotEqual(a.Session, b.Session);
        Assert.Equal(a.Session, again.Session);
        Assert.Equal(SessionsMove, a.MayMove);
    }

    [Fact]
    public async Task A_session_whose_options_cannot_be_made_refuses_with_its_typed_error_and_other_ids_go_on()
    {
        var region = await RegionAsync(id => id switch
        {
            "bad" => Options with { Model = "" },
            "no-key" => Options with { ApiKey = null },
            "throws" => throw new InvalidOperationException("no such tenant"),
            _ => Options,
        });

        var bad = await region.Ask<Status.Failure>(new LiveSessions.Envelope("bad", GetStatus.Instance), Patience);
        var noKey = await region.Ask<Status.Failure>(new LiveSessions.GetSession("no-key"), Patience);
        var throws = await region.Ask<Status.Failure>(new LiveSessions.Envelope("throws", GetStatus.Instance), Patience);
        var good = await region.Ask<StatusReport>(new LiveSessions.Envelope("good", GetStatus.Instance), Patience);

        Assert.Equal("model", Assert.IsType<InvalidOption>(Assert.IsType<LiveConnectionException>(bad.Cause).Error).ConfigKey);
        Assert.IsType<NoApiKey>(Assert.IsType<LiveConnectionException>(noKey.Cause).Error);
        Assert.Contains("no such tenant", Assert.IsType<ConnectionFailed>(Assert.IsType<LiveConnectionException>(throws.Cause).Error).Reason, StringComparison.Ordinal);
        Assert.NotNull(good);
    }

    [Fact]
    public async Task Close_is_answered_with_Closed_and_what_comes_for_the_id_after_it_is_a_new_conversation()
    {
        var region = await RegionAsync();
        await region.Ask<SendAccepted>(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("one"))), Patience);
        await (await Emulator.WaitForConnectionAsync(1).WaitAsync(Patience)).WaitForMessagesAsync(1).WaitAsync(Patience); // so the next is connection 2

        await region.Ask<Closed>(new LiveSessions.Envelope("call", Close.Instance), Patience);
        await region.Ask<SendAccepted>(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("two"))), Patience);

        var second = await Emulator.WaitForConnectionAsync(2).WaitAsync(Patience);
        await second.WaitForMessagesAsync(2).WaitAsync(Patience);
        Assert.Equal(["text:two"], SessionLog.Describe(second.SessionMessages)); // nothing of the closed conversation
    }

    [Fact]
    public async Task The_facade_reaches_each_session_and_gives_a_new_one_after_its_session_closed()
    {
        var region = await RegionAsync();
        var sessions = new LiveSessionsFacade(System, region);
        using var stop = new CancellationTokenSource(Patience);

        var live = sessions.Get("user-7");
        var reply = await live.AskAsync("hello", stop.Token);
        Assert.Same(live, sessions.Get("user-7"));
        await live.CloseAsync(stop.Token);
        var again = sessions.Get("user-7");

        Assert.Equal("Turn 1: you said \"hello\"", reply.Text);
        Assert.NotSame(live, again);
        Assert.Equal("Turn 1: you said \"back\"", (await again.AskAsync("back", stop.Token)).Text); // a new conversation
    }

    /// <summary>Starts this kind of region in a new actor system whose sessions see no environment variables.</summary>
    protected abstract Task<(ActorSystem System, IActorRef Region)> StartRegionAsync(LiveSessionsOptions options);

    /// <summary>Cleans up what the region left (a journal file, say) once its actor system has stopped.</summary>
    protected virtual Task DisposeRegionAsync() => Task.CompletedTask;

    private async Task<IActorRef> RegionAsync(Func<string, LiveConnectionOptions>? optionsFor = null)
    {
        var (system, region) = await StartRegionAsync(new LiveSessionsOptions(optionsFor ?? (_ => Options)) { PassivateAfter = null, Environment = TestEnvironment.Empty });
        _system = system;
        return region;
    }
}

/// <summary>The region contract against the region of one process.</summary>
public sealed class LocalRegionContractTests : RegionContract
{
    protected override bool SessionsMove => false;

    protected override Task<(ActorSystem System, IActorRef Region)> StartRegionAsync(LiveSessionsOptions options)
    {
        var system = ActorSystem.Create("local-region", "akka.loglevel = WARNING");
        return Task.FromResult((system, system.ActorOf(LiveSessions.Props(options), "calls")));
    }
}
