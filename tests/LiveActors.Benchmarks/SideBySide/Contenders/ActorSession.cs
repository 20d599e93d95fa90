using Akka.Actor;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>A session driven by Tell: Sends go from the subscriber's address, so their acknowledgements reach it.</summary>
internal sealed class ActorSession(IActorRef session, IActorRef subscriber, SessionProgress progress) : IContenderSession
{
    public Task SendTextAsync(string text)
    {
        session.Tell(new Send(RealtimeInput.FromText(text)), subscriber);
        return Task.CompletedTask;
    }

    public Task SendAudioAsync(ReadOnlyMemory<byte> pcm)
    {
        session.Tell(new Send(RealtimeInput.Pcm(pcm)), subscriber);
        return Task.CompletedTask;
    }

    public ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken) => progress.NextTurnAsync(cancellationToken);

    public ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken) => progress.NextResumeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await session.Ask<Closed>(Close.Instance, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await session.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        subscriber.Tell(PoisonPill.Instance);
    }
}
