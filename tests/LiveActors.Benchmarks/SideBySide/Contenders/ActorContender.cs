using Akka.Actor;
using LiveActors.Supervision;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>(c) LiveActors through its actor API: a subscriber actor per session, Sends told to the session.</summary>
internal sealed class ActorContender : IContender
{
    private readonly ActorSystem _system = ActorSystem.Create("actors", BenchmarkActorSystem.Config);

    public string Name => "LiveActors (actors)";

    public async Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken)
    {
        var progress = new SessionProgress();
        var subscriber = _system.ActorOf(Props.Create(() => new TallySubscriber(progress)));
        var session = ConnectionSupervisor.Start(_system, LiveActorsOptions.For(emulator, resumption), subscriber);
        await progress.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ActorSession(session, subscriber, progress);
    }

    public async ValueTask DisposeAsync() => await _system.Terminate().ConfigureAwait(false);
}
