using Akka.Actor;
using static LiveActors.Live;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>The actor contender's subscriber: every event is tallied in the actor itself, as an actor user would.</summary>
internal sealed class TallySubscriber : ReceiveActor
{
    public TallySubscriber(SessionProgress progress)
    {
        Receive<Live.Event>(e => LiveEventTally.Apply(e, progress));
        ReceiveAny(_ => { }); // SendAccepted for every Send told with this actor as the sender
    }
}
