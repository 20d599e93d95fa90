using Akka.Actor;
using LiveActors.Actors;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.Logging;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "Sessions as actors" snippet: a session started and asked from outside an actor.</summary>
internal static class SessionActorSample
{
    public static async Task RunAsync(ActorSystem system, LiveConnectionOptions options, IActorRef subscriber, IActorRef other, ILoggerFactory loggerFactory)
    {
        var session = ConnectionSupervisor.Start(system, options, subscriber, loggerFactory, "gemini"); // subscriber sees every event
        session.Tell(new Live.Subscribe(other));                         // more subscribers later: -> Live.Subscribed
        var accepted = await session.Ask<Live.SendAccepted>(new Live.Send(ClientContent.UserText("Hello"))); // or a typed failure, thrown
        var next = await session.Ask<ServerMessage>(new Live.Receive()); // pull model: waits up to receive-timeout (60 s)
        var all = await session.Ask<Live.ReceivedMessages>(Live.ReceiveAll.Instance);
        var status = await session.Ask<Live.StatusReport>(Live.GetStatus.Instance);   // status.IsConnected
        await session.Ask<Live.Closed>(Live.Close.Instance);
    }
}
