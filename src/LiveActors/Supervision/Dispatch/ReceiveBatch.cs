using Akka.Actor;
using Akka.Actor.Internal;
using Akka.Dispatch;

namespace LiveActors.Supervision.Dispatch;

/// <summary>
/// What a socket's receive loop has told its session since the session last ran: the receive loop tells through it
/// (<see cref="Tell"/>), and when a Tell schedules the session's mailbox on the <see cref="SessionDispatcher"/>, the
/// batch holds that run instead of the thread pool getting it. Before each read the loop says whether the read has to
/// wait for the network (<see cref="BeforeRead"/>): if it has, the loop runs the session now, on its own thread, and
/// the messages of a burst reach the session with no hand-off of their own; if more is already there, the run goes on
/// being held, up to <see cref="MaxHeld"/> messages, and then goes to the pool, so that in a flood the session works
/// through one batch while the loop reads the next.
/// </summary>
/// <remarks>
/// Only the loop that owns the batch calls it, one call at a time (it awaits each read after <see cref="BeforeRead"/>
/// returns), so it needs no lock. The loop must end by calling <see cref="BeforeRead"/> with true, or <see
/// cref="RunHeld"/>, before it awaits anything but a read or stops, so that no held run waits on it.
/// </remarks>
internal sealed class ReceiveBatch
{
    /// <summary>How many messages a held run may gather while more keeps arriving before it goes to the pool.</summary>
    public const int MaxHeld = 8;

    private IRunnable? _held;
    private SessionDispatcher? _dispatcher;
    private int _messages;

    /// <summary>Tells <paramref name="target"/> <paramref name="message"/>, holding the run it schedules, if any.</summary>
    public void Tell(IActorRef target, object message, IActorRef sender)
    {
        using (SessionDispatcher.HoldFor(this))
        {
            target.Tell(message, sender);
        }

        if (_held is not null)
        {
            _messages++;
        }
    }

    /// <summary>The loop is about to read: when the read will wait, the held run runs now; else it goes to the pool once it holds enough.</summary>
    /// <param name="readWillWait">True when nothing more has arrived, so the read has to wait for the network.</param>
    public void BeforeRead(bool readWillWait)
    {
        if (readWillWait)
        {
            RunHeld();
        }
        else if (_messages >= MaxHeld && _dispatcher is { } dispatcher && Take() is { } run)
        {
            dispatcher.Queue(run);
        }
    }

    /// <summary>
    /// Runs the held run, if there is one, on this thread; or queues it to the pool when this thread is in an actor's
    /// turn (a socket stopped from an actor can end its loop on that actor's thread), as one actor never runs within
    /// another's turn.
    /// </summary>
    public void RunHeld()
    {
        var dispatcher = _dispatcher;
        if (Take() is not { } run)
        {
            return;
        }

        if (InternalCurrentActorCellKeeper.Current is null)
        {
            run.Run();
        }
        else
        {
            dispatcher!.Queue(run);
        }
    }

    /// <summary>Called by the dispatcher inside <see cref="Tell"/>: true when the batch holds <paramref name="run"/>.</summary>
    internal bool TryHold(IRunnable run, SessionDispatcher dispatcher)
    {
        if (_held is not null)
        {
            return false;
        }

        _held = run;
        _dispatcher = dispatcher;
        return true;
    }

    private IRunnable? Take()
    {
        var run = _held;
        _held = null;
        _dispatcher = null;
        _messages = 0;
        return run;
    }
}
