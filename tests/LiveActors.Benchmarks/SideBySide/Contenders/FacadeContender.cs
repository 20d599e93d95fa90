using Akka.Actor;
using LiveActors.Facade;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>(d) LiveActors through <see cref="ILiveConnection"/>: awaited sends, events read from <c>EventsAsync</c>.</summary>
internal sealed class FacadeContender : IContender
{
    private readonly ActorSystem _system = ActorSystem.Create("facade", BenchmarkActorSystem.Config);

    public string Name => "LiveActors (ILiveConnection)";

    public async Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken)
    {
        var connection = LiveConnection.Start(_system, LiveActorsOptions.For(emulator, resumption));
        var session = new FacadeSession(connection);
        await session.Progress.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return session;
    }

    public async ValueTask DisposeAsync() => await _system.Terminate().ConfigureAwait(false);
}
