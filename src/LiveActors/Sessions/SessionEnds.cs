using Akka.Actor;
using Akka.Event;

namespace LiveActors.Sessions;

/// <summary>
/// Answers the messages that reach a stopped session actor of this node (a held ref, a region or entity between
/// incarnations): Akka would drop them as dead letters and their senders would wait out their timeouts. Regions and
/// durable sessions record here how their actors ended, and only messages for those are answered: a message for
/// another node's actor that never got there (the node is down) is not, since nobody here knows how that actor is.
/// One per actor system, started by the first region.
/// </summary>
internal sealed class SessionEnds : IExtension
{
    private const int Remembered = 10_000; // the latest ends; a message for an older one is left to its timeout

    private readonly object _gate = new();
    private readonly Dictionary<IActorRef, SessionEnd> _ends = [];
    private readonly Queue<IActorRef> _order = new();

    private SessionEnds(ExtendedActorSystem system) =>
        system.SystemActorOf(ActorFactory<DeadLetterAnswerer>.Props(() => new DeadLetterAnswerer(this)), "live-sessions-dead-letters");

    /// <summary>The one of <paramref name="system"/>, started with its answerer on first use.</summary>
    public static SessionEnds Get(ActorSystem system) => system.WithExtension<SessionEnds, Provider>();

    /// <summary><paramref name="actor"/> ended as <paramref name="end"/>; a later record of it replaces this one.</summary>
    public void Ended(IActorRef actor, SessionEnd end)
    {
        lock (_gate)
        {
            if (!_ends.ContainsKey(actor))
            {
                _order.Enqueue(actor);
                if (_order.Count > Remembered)
                {
                    _ends.Remove(_order.Dequeue());
                }
            }

            _ends[actor] = end;
        }
    }

    /// <summary>How <paramref name="actor"/> ended; null when it was not recorded (not a session's, or long ago).</summary>
    public SessionEnd? EndOf(IActorRef actor)
    {
        lock (_gate)
        {
            return _ends.TryGetValue(actor, out var end) ? end : null;
        }
    }

    private sealed class Provider : ExtensionIdProvider<SessionEnds>
    {
        public override SessionEnds CreateExtension(ExtendedActorSystem system) => new(system);
    }

    /// <summary>Subscribed to the dead letters: answers each session API message whose sender can hear it.</summary>
    private sealed class DeadLetterAnswerer : ReceiveActor
    {
        public DeadLetterAnswerer(SessionEnds ends)
        {
            Receive<DeadLetter>(dead =>
            {
                if (dead.Sender is null || dead.Sender.IsNobody() || dead.Sender.Equals(Context.System.DeadLetters) || dead.Sender.Equals(dead.Recipient))
                {
                    return;
                }

                // Only the actors recorded here: a message for another node's actor that never got there (the node is
                // down), or one sharding let go straight to the dead letters, is not this answerer's to judge.
                if (ends.EndOf(dead.Recipient) is { } end && DeadLetterAnswers.For(dead.Message, end) is { } answer)
                {
                    dead.Sender.Tell(answer, dead.Recipient);
                }
            });
        }

        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
    }
}
