using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace LiveActors.Supervision.Dispatch;

/// <summary>
/// The mailbox of sessions and their connection actors (see <see cref="SessionMessageQueue"/>): unbounded like Akka's
/// default, but an idle one holds a few slots, not the default queue's first 32-slot segment (1.1 KiB a mailbox,
/// measured), since an idle session is what a node holds thousands of.
/// </summary>
internal sealed class SessionMailbox : MailboxType, IProducesMessageQueue<SessionMessageQueue>
{
    /// <summary>Where the mailbox is configured; <see cref="SessionDispatcher.On"/> adds it to a system that lacks it.</summary>
    public const string ConfigPath = "live-actors.session-mailbox";

    /// <summary>The configuration <see cref="SessionDispatcher.On"/> adds to a system: this type at <see cref="ConfigPath"/>.</summary>
    public static readonly Config Registration = ConfigurationFactory.ParseString(
        $"{ConfigPath}.mailbox-type = \"{typeof(SessionMailbox).FullName}, {typeof(SessionMailbox).Assembly.GetName().Name}\"");

    /// <summary>Called by Akka, which makes mailbox types from their configuration.</summary>
    public SessionMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new SessionMessageQueue();
}
