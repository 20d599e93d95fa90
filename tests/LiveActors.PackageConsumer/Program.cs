using Akka.Actor;
using Akka.Hosting;
using LiveActors;
using LiveActors.Extensions.AI;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// One turn through the packages, the way an app would: the session from Akka.Hosting, options from the environment
// (LiveActors__BaseAddress, LiveActors__ApiKey, LiveActors__Model), the reply through ILiveConnection. Exit 0 when the
// reply came whole.
var builder = Host.CreateApplicationBuilder(args);
// Today's Live models answer in audio only: ask for it, with its transcription for the words.
builder.Services.AddAkka("package-consumer", akka => akka.WithLiveConnection<Program>(
    options => options with
    {
        Setup = new Setup
        {
            GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] },
            OutputAudioTranscription = new AudioTranscriptionConfig(),
        },
    },
    configurationSection: "LiveActors"));
builder.Services.AddLiveConnectionFacade<Program>();
using var host = builder.Build();
await host.StartAsync();

var live = host.Services.GetRequiredService<ILiveConnection<Program>>();
using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
await live.SendAsync(ClientContent.UserText("Hello from the packages"), patience.Token);
var completed = false;
await foreach (var @event in live.EventsAsync(patience.Token))
{
    if (@event is Live.TranscriptionReceived { Source: Live.TranscriptionSource.Output } spoken)
    {
        Console.Write(spoken.Transcription.Text);
    }
    else if (@event is Live.TurnCompleted)
    {
        completed = true;
        break;
    }
}

Console.WriteLine();
await live.CloseAsync(patience.Token);

// The same turn through Microsoft.Extensions.AI, built as an app with warnings as errors builds it (MEAI001 suppressed once).
var options = LiveConnectionOptions.FromConfiguration(host.Services.GetRequiredService<IConfiguration>().GetSection("LiveActors"));
using var client = new LiveRealtimeClient(host.Services.GetRequiredService<ActorSystem>(), options).AsBuilder().UseFunctionInvocation().Build();
// Today's Live models answer in audio only (TEXT is refused at setup): the words come as its transcription.
await using (var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["audio"] }, patience.Token))
{
    await session.SendAsync(new CreateConversationItemRealtimeClientMessage(new RealtimeConversationItem([new TextContent("Hello from MEAI")], role: ChatRole.User)), patience.Token);
    await session.SendAsync(new CreateResponseRealtimeClientMessage(), patience.Token);
    var answered = false;
    await foreach (var message in session.GetStreamingResponseAsync(patience.Token))
    {
        if (message is OutputTextAudioRealtimeServerMessage { Text: { } text }
            && (message.Type == RealtimeServerMessageType.OutputTextDone || message.Type == RealtimeServerMessageType.OutputAudioTranscriptionDone))
        {
            Console.WriteLine(text);
        }
        else if (message.Type == RealtimeServerMessageType.ResponseDone)
        {
            answered = true;
            break;
        }
    }

    completed &= answered;
}

await host.StopAsync(patience.Token);
return completed ? 0 : 1;
