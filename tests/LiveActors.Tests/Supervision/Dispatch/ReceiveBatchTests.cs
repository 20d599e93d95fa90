using System.Collections.Concurrent;
using System.Reflection;
using Akka.Actor;
using Akka.Dispatch;
using LiveActors.Supervision.Dispatch;
using Xunit.Abstractions;

namespace LiveActors.Tests.Supervision.Dispatch;

/// <summary>
/// The receive loop's hold on its session's mailbox (<see cref="ReceiveBatch"/> on the <see cref="SessionDispatcher"/>):
/// what it holds runs on the loop's thread when the loop has to wait, goes to the pool when a burst gets long, and
/// never changes the order of a mailbox's messages or lets one wait for good.
/// </summary>
public sealed class ReceiveBatchTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = WARNING", output: output)
{
    [Fact]
    public void What_the_loop_tells_runs_on_the_loops_thread_once_its_read_has_to_wait()
    {
        var (actor, handled) = Recorder(onSessionDispatcher: true);
        var batch = new ReceiveBatch();

        batch.Tell(actor, "first", ActorRefs.Nobody);
        batch.Tell(actor, "second", ActorRefs.Nobody);
        batch.BeforeRead(readWillWait: false); // more is there: the run stays held
        Assert.Empty(handled); // held: nothing else can run the mailbox

        var loop = OnAThreadOfItsOwn(() => batch.BeforeRead(readWillWait: true));

        Assert.Equal(["first", "second"], handled.Select(h => h.Message));
        Assert.All(handled, h => Assert.Equal(loop, h.Thread));
    }

    [Fact]
    public void A_burst_longer_than_the_hold_goes_to_the_pool_so_the_session_works_while_the_loop_reads()
    {
        var (actor, handled) = Recorder(onSessionDispatcher: true);
        var batch = new ReceiveBatch();

        for (var i = 0; i < ReceiveBatch.MaxHeld - 1; i++)
        {
            batch.Tell(actor, i, ActorRefs.Nobody);
        }

        batch.BeforeRead(readWillWait: false);
        Assert.Empty(handled);

        batch.Tell(actor, ReceiveBatch.MaxHeld - 1, ActorRefs.Nobody);
        batch.BeforeRead(readWillWait: false);

        AwaitAssert(() => Assert.Equal(Enumerable.Range(0, ReceiveBatch.MaxHeld), handled.Select(h => (int)h.Message)));
        batch.BeforeRead(readWillWait: true); // nothing is held any more: nothing runs here
        Assert.All(handled, h => Assert.NotEqual(Environment.CurrentManagedThreadId, h.Thread));
    }

    [Fact]
    public void A_message_from_elsewhere_while_the_run_is_held_is_handled_in_its_place_in_the_mailbox()
    {
        var (actor, handled) = Recorder(onSessionDispatcher: true);
        var batch = new ReceiveBatch();

        batch.Tell(actor, "read 1", ActorRefs.Nobody);
        actor.Tell("a user's send"); // the mailbox is already scheduled (held): this only queues
        batch.Tell(actor, "read 2", ActorRefs.Nobody);
        OnAThreadOfItsOwn(batch.RunHeld);

        Assert.Equal(["read 1", "a user's send", "read 2"], handled.Select(h => h.Message));
    }

    [Fact]
    public void A_run_released_within_another_actors_turn_goes_to_the_pool_instead_of_running_inside_it()
    {
        var (actor, handled) = Recorder(onSessionDispatcher: true);
        var batch = new ReceiveBatch();
        batch.Tell(actor, "read", ActorRefs.Nobody);
        var releaser = Sys.ActorOf(Props.Create(() => new Releaser(batch)));

        releaser.Tell("release", TestActor);
        ExpectMsg("released");

        AwaitAssert(() => Assert.Equal(["read"], handled.Select(h => h.Message)));
        Assert.False(Assert.Single(handled).WithinReleaser);
    }

    [Fact]
    public void A_session_on_another_dispatcher_is_never_held()
    {
        var (actor, handled) = Recorder(onSessionDispatcher: false);
        var batch = new ReceiveBatch();

        batch.Tell(actor, "read", ActorRefs.Nobody);

        AwaitAssert(() => Assert.Equal(["read"], handled.Select(h => h.Message)));
    }

    [Fact]
    public void The_session_dispatcher_is_registered_once_per_actor_system_and_takes_the_default_dispatchers_throughput()
    {
        var first = SessionDispatcher.On(Sys, Props.Empty);
        var second = SessionDispatcher.On(Sys, Props.Empty);

        Assert.Equal(SessionDispatcher.ConfigPath, first.Dispatcher);
        Assert.Equal(SessionDispatcher.ConfigPath, second.Dispatcher);
        var dispatcher = Sys.Dispatchers.Lookup(SessionDispatcher.ConfigPath);
        Assert.IsType<SessionDispatcher>(dispatcher);
        Assert.Equal(Sys.Dispatchers.DefaultGlobalDispatcher.Throughput, dispatcher.Throughput);
    }

    /// <summary>
    /// An actor that records what it handled and on which thread, returned once its mailbox is idle: a Tell while the
    /// run that started it is ending would be queued by that run, not scheduled, so nothing could hold it.
    /// </summary>
    private (IActorRef Actor, ConcurrentQueue<(object Message, int Thread, bool WithinReleaser)> Handled) Recorder(bool onSessionDispatcher)
    {
        var handled = new ConcurrentQueue<(object Message, int Thread, bool WithinReleaser)>();
        var props = Props.Create(() => new RecordingActor(handled));
        var actor = Sys.ActorOf(onSessionDispatcher ? SessionDispatcher.On(Sys, props) : props);
        AwaitCondition(() => ((ActorRefWithCell)actor).Underlying is ActorCell { Mailbox: { } mailbox } && !IsScheduled(mailbox));
        return (actor, handled);
    }

    /// <summary>Akka keeps a mailbox's status to itself; the tests read it to start from a known state.</summary>
    private static bool IsScheduled(Mailbox mailbox) =>
        (bool)typeof(Mailbox).GetMethod("IsScheduled", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(mailbox, null)!;

    /// <summary>Runs <paramref name="action"/> on a new thread, as a receive loop runs outside any actor; returns that thread's id.</summary>
    private static int OnAThreadOfItsOwn(Action action)
    {
        var id = 0;
        var thread = new Thread(() =>
        {
            id = Environment.CurrentManagedThreadId;
            action();
        });
        thread.Start();
        thread.Join();
        return id;
    }

    /// <summary>Releases a batch within its own turn, marking the turn so that a run nested in it would show.</summary>
    private sealed class Releaser(ReceiveBatch batch) : UntypedActor
    {
        [ThreadStatic]
        public static bool t_releasing;

        protected override void OnReceive(object message)
        {
            t_releasing = true;
            try
            {
                batch.BeforeRead(readWillWait: true);
            }
            finally
            {
                t_releasing = false;
            }

            Sender.Tell("released");
        }
    }

    private sealed class RecordingActor(ConcurrentQueue<(object Message, int Thread, bool WithinReleaser)> handled) : UntypedActor
    {
        protected override void OnReceive(object message) => handled.Enqueue((message, Environment.CurrentManagedThreadId, Releaser.t_releasing));
    }
}
