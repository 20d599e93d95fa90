using Akka.Actor;
using Akka.Hosting;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "One session per call" snippets: a LiveSessions region, by envelope, by facade, and hosted.</summary>
internal static class SessionsSample
{
    public static async Task RunAsync(ActorSystem system, LiveConnectionOptions options, IActorRef subscriber, string callId)
    {
        var calls = system.ActorOf(LiveSessions.Props(new LiveSessionsOptions(id => options) { PassivateAfter = TimeSpan.FromMinutes(2) }), "calls");
        calls.Tell(new LiveSessions.Envelope(callId, new Live.Subscribe(subscriber)));        // started on first use
        calls.Tell(new LiveSessions.Envelope(callId, new Live.Send(ClientContent.UserText("Hi")))); // replies come back as from the session
        var reply = await new LiveSessionsFacade(system, calls).Get(callId).AskAsync("And now?");   // the same session, as a Task
        calls.Tell(new LiveSessions.Envelope(callId, Live.Close.Instance));                  // ends it; the next message starts a new one
    }

    public static void Register(IServiceCollection services) =>
        services.AddAkka("app", akka => akka.WithLiveSessions((id, configured) => configured with { Model = "gemini-3.1-flash-live-preview" }))
            .AddLiveSessionsFacade(); // ILiveSessions: sessions.Get(callId) is that call's ILiveConnection
}
