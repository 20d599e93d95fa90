using Akka.Hosting;
using LiveActors;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// One turn through the packages, the way an app would: the session from Akka.Hosting, options from the environment
// (LiveActors__BaseAddress, LiveActors__ApiKey, LiveActors__Model), the reply through ILiveConnection. Exit 0 when the
// reply came whole.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("package-consumer", akka => akka.WithLiveConnection<Program>(configurationSection: "LiveActors"));
builder.Services.AddLiveConnectionFacade<Program>();
using var host = builder.Build();
await host.StartAsync();

var live = host.Services.GetRequiredService<ILiveConnection<Program>>();
using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
await live.SendAsync(ClientContent.UserText("Hello from the packages"), patience.Token);
var completed = false;
await foreach (var @event in live.EventsAsync(patience.Token))
{
    if (@event is Live.ModelTurnReceived turn)
    {
        Console.Write(turn.Text);
    }
    else if (@event is Live.TurnCompleted)
    {
        completed = true;
        break;
    }
}

Console.WriteLine();
await live.CloseAsync(patience.Token);
await host.StopAsync(patience.Token);
return completed ? 0 : 1;
