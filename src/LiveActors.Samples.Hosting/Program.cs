using Akka.Hosting;
using LiveActors;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// LiveActors__Model=gemini-3.8-live and GEMINI_API_KEY in the environment (or the "LiveActors" section of appsettings.json)
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAkka("assistant-system", akka => akka
    .WithLiveActorsLogging()                                       // Akka's logs go to the app's ILoggerFactory
    .WithLiveConnection<Assistant>(
        options => options with
        {
            Setup = new Setup
            {
                GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] },
                OutputAudioTranscription = new AudioTranscriptionConfig(),
            },
        },
        configurationSection: "LiveActors"));
builder.Services.AddLiveConnectionFacade<Assistant>();             // ILiveConnection<Assistant> for code that is not an actor
builder.Services.AddHostedService<Greeter>();
await builder.Build().RunAsync();

/// <summary>The registry key of the assistant's session (resolve it with IRequiredActor&lt;Assistant&gt;).</summary>
internal sealed class Assistant;

/// <summary>Says hello once and prints the answer.</summary>
internal sealed class Greeter(ILiveConnection<Assistant> live, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reply = await live.AskAsync("Hello!", stoppingToken);
        Console.WriteLine(reply.Text ?? reply.Transcript);
        await live.CloseAsync(stoppingToken);
        lifetime.StopApplication();
    }
}
