using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;

namespace LiveActors.Supervision.Dispatch;

/// <summary>
/// The dispatcher sessions run on: Akka's default dispatcher (its executor, throughput and shutdown timeout), except
/// that a session's mailbox, when a message told through a <see cref="ReceiveBatch"/> is what schedules it, is held by
/// that batch instead of queued to the thread pool. The socket's receive loop then runs it on its own thread once it
/// has nothing more to read (see <see cref="ReceiveBatch"/>), so a server message reaches the session without a
/// thread-pool hand-off of its own. Every other message schedules the mailbox as the default dispatcher does.
/// </summary>
/// <remarks>
/// Akka keeps one run of a mailbox at a time whoever runs it (a mailbox is scheduled once until its run ends), so a
/// held mailbox only changes which thread runs it and when: not the order of its messages, and not whether they run.
/// </remarks>
internal sealed class SessionDispatcher : Dispatcher
{
    /// <summary>The id sessions' props name (<see cref="Props.WithDispatcher"/>); registered by <see cref="On"/>.</summary>
    public const string ConfigPath = "live-actors.session-dispatcher";

    private static readonly Lock s_injecting = new();

    [ThreadStatic]
    private static ReceiveBatch? t_holdingBatch;

    private SessionDispatcher(SessionConfigurator configurator, Config config)
        : base(configurator, ConfigPath, config.GetInt("throughput"), DeadlineTicks(config), configurator.Executor(), config.GetTimeSpan("shutdown-timeout"))
    {
    }

    /// <summary>
    /// <paramref name="props"/> on the session dispatcher, with the <see cref="SessionMailbox"/>, in <paramref
    /// name="factory"/>'s actor system (an actor system, or an actor's context), where both are registered first if
    /// they are not yet; unchanged for another kind of factory, whose system is not known.
    /// </summary>
    public static Props On(IActorRefFactory factory, Props props)
    {
        var system = factory switch
        {
            ActorSystem s => s,
            IActorContext context => context.System,
            _ => null,
        };
        if (system is null)
        {
            return props;
        }

        var dispatchers = system.Dispatchers;
        if (!dispatchers.HasDispatcher(ConfigPath))
        {
            dispatchers.RegisterConfigurator(ConfigPath, new SessionConfigurator(dispatchers.DefaultDispatcherConfig, dispatchers.Prerequisites));
        }

        if (!system.Settings.Config.HasPath(SessionMailbox.ConfigPath))
        {
            lock (s_injecting)
            {
                if (!system.Settings.Config.HasPath(SessionMailbox.ConfigPath))
                {
                    system.Settings.InjectTopLevelFallback(SessionMailbox.Registration);
                }
            }
        }

        return props.WithDispatcher(ConfigPath).WithMailbox(SessionMailbox.ConfigPath);
    }

    /// <summary>Until the scope is disposed, the first mailbox this thread schedules here is held by <paramref name="batch"/>.</summary>
    internal static HoldingScope HoldFor(ReceiveBatch batch)
    {
        t_holdingBatch = batch;
        return default;
    }

    /// <summary>Queues a run that a batch held and will not run itself.</summary>
    internal void Queue(IRunnable run) => base.ExecuteTask(run);

    /// <inheritdoc />
    protected override void ExecuteTask(IRunnable run)
    {
        if (t_holdingBatch is { } batch && batch.TryHold(run, this))
        {
            t_holdingBatch = null; // one run per Tell: anything the Tell schedules beyond it is queued as usual
            return;
        }

        base.ExecuteTask(run);
    }

    /// <summary>Ends a <see cref="HoldFor"/>.</summary>
    internal readonly struct HoldingScope : IDisposable
    {
        public void Dispose() => t_holdingBatch = null;
    }

    private static long? DeadlineTicks(Config config) =>
        config.GetTimeSpan("throughput-deadline-time") is { Ticks: > 0 } deadline ? deadline.Ticks : null;

    /// <summary>Makes the one <see cref="SessionDispatcher"/> of an actor system, from the default dispatcher's settings.</summary>
    private sealed class SessionConfigurator : MessageDispatcherConfigurator
    {
        private readonly SessionDispatcher _dispatcher;

        public SessionConfigurator(Config config, IDispatcherPrerequisites prerequisites)
            : base(config, prerequisites) => _dispatcher = new SessionDispatcher(this, config);

        public ExecutorServiceFactory Executor() => ConfigureExecutor();

        public override MessageDispatcher Dispatcher() => _dispatcher;
    }
}
