using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Sessions;

/// <summary>A thousand sessions come and go through one region and leave nothing behind: no actor, no socket, no connection.</summary>
[Collection(IsolatedCollection.Name)] // a thousand sockets: alone, so the rest of the suite is not starved
public sealed class ManySessionsTests : SessionTestKit
{
    private const int Sessions = 1_000;

    private readonly ITestOutputHelper _output;

    public ManySessionsTests(ITestOutputHelper output)
        : base(output) => _output = output;

    [Fact]
    public async Task A_thousand_sessions_created_and_closed_through_the_region_leave_nothing()
    {
        var region = Sys.ActorOf(LiveSessions.Props(new LiveSessionsOptions(_ => Options), TestEnvironment.Empty), "calls");
        var ids = Enumerable.Range(0, Sessions).Select(i => $"call-{i}").ToList();

        await Task.WhenAll(ids.Select(id => region.Ask<StatusReport>(new LiveSessions.Envelope(id, GetStatus.Instance), Patience * 4)));
        await Emulator.WaitForConnectionAsync(Sessions).WaitAsync(Patience * 4);
        Assert.Equal(new LiveSessions.RegionStatus(Sessions, Sessions), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience));
        var closed = await Task.WhenAll(ids.Select(id => region.Ask<object>(new LiveSessions.Envelope(id, Close.Instance), Patience * 4)));

        Assert.All(closed, c => Assert.IsType<Closed>(c));
        await AwaitAssertAsync(async () =>
            Assert.Equal(new LiveSessions.RegionStatus(0, 0), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience)), Patience);
        var children = await Sys.ActorSelection("/user/calls/*").Ask<ActorIdentity>(new Identify("any"), TimeSpan.FromMilliseconds(500))
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.Subject : null, TaskScheduler.Default);
        Assert.Null(children); // no session actor answers: none is left
        var ends = await Task.WhenAll(Emulator.Connections.Select(c => c.Ended.WaitAsync(Patience)));
        var kinds = ends.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine($"{Emulator.Connections.Count} connections: {string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}");
        Assert.True(Emulator.Connections.Count >= Sessions);
        Assert.All(kinds.Keys, kind => Assert.True(kind is ConnectionEndKind.ClientClosed or ConnectionEndKind.ClientAborted, $"a connection ended {kind}"));
        // every socket was ended by its session (closed, or cut while still connecting): none is left open
    }
}
