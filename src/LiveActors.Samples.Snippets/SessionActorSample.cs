using Akka.Actor;
using LiveActors.Actors;
using LiveActors.Messages;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.Logging;
using Receive = LiveActors.Messages.Receive;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "Sessions as actors" snippet: a session started and asked from outside an actor.</summary>
internal static class SessionActorSample
{
    public static async Task RunAsync(ActorSystem system, LiveConnectionOptions options, IActorRef subscriber, IActorRef other, ILoggerFactory loggerFactory)
    {
        var session = system.ActorOf(ConnectionSupervisor.Props(options, subscriber, loggerFactory), "gemini"); // subscriber sees every event
        session.Tell(new Subscribe(other));                         // more subscribers later: -> Subscribed
        session.Tell(new Send(ClientContent.UserText("Hello")));    // -> SendAccepted(sequence) or a typed failure
        var next = await session.Ask<ServerMessage>(new Receive()); // pull model: waits up to receive-timeout (60 s)
        var all = await session.Ask<ReceivedMessages>(ReceiveAll.Instance);
        var status = await session.Ask<StatusReport>(GetStatus.Instance);   // status.IsConnected
        await session.Ask<Closed>(Close.Instance);
    }
}
