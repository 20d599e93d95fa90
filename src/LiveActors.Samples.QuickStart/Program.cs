using Akka.Actor;
using LiveActors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;

using var system = ActorSystem.Create("quick-start");
var live = LiveConnection.Start(system, new LiveConnectionOptions { Model = "gemini-live-2.5-flash-preview" }); // key: GEMINI_API_KEY
await live.SendAsync(ClientContent.UserText("Hello!"));
await foreach (var e in live.EventsAsync())
    if (e is Live.ModelTurnReceived chunk) Console.Write(chunk.Text); else if (e is Live.InteractionCompleted) break;
