using Akka.Hosting;
using LiveActors;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// appsettings.json: { "LiveActors": { "Model": "gemini-live-2.5-flash-preview" } }; the key comes from GEMINI_API_KEY.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("assistant-system", akka => akka
    .WithLiveActorsLogging()                                       // Akka's logs go to the app's ILoggerFactory
    .WithLiveConnection<Assistant>(
        options => options with { Setup = new Setup { GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Text] } } },
        configurationSection: "LiveActors"));
builder.Services.AddLiveConnectionFacade<Assistant>();             // ILiveConnection<Assistant> for code that is not an actor
builder.Services.AddHostedService<Greeter>();
await builder.Build().RunAsync();

/// <summary>The registry key of the assistant's session (resolve it with IRequiredActor&lt;Assistant&gt;).</summary>
internal sealed class Assistant;

/// <summary>Says hello once and prints the reply as it streams in.</summary>
internal sealed class Greeter(ILiveConnection<Assistant> live, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await live.SendAsync(ClientContent.UserText("Hello!"), stoppingToken);
        await foreach (var @event in live.EventsAsync(stoppingToken))
        {
            switch (@event)
            {
                case Live.ModelTurnReceived turn:
                    Console.Write(turn.Text);
                    break;
                case Live.InteractionCompleted:
                    Console.WriteLine();
                    await live.CloseAsync(stoppingToken);
                    lifetime.StopApplication();
                    return;
            }
        }
    }
}
