using Akka.Actor;
using LiveActors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;

// dotnet run                           talks to the Gemini API with the key in GEMINI_API_KEY
// dotnet run -- ws://127.0.0.1:PORT    talks to the emulator (liveactors-emulator --port 0), whose key is test-key
var emulator = args.Length > 0 ? new Uri(args[0]) : null;
var options = new LiveConnectionOptions
{
    Model = "gemini-3.8-live",
    BaseAddress = emulator,
    ApiKey = emulator is null ? null : "test-key", // null: GEMINI_API_KEY, else GOOGLE_API_KEY
    Setup = new Setup
    {
        // Today's Live models answer in audio only; the transcription of that audio is the reply as text.
        GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] },
        OutputAudioTranscription = new AudioTranscriptionConfig(),
    },
};

using var system = ActorSystem.Create("first-conversation");
var live = LiveConnection.Start(system, options);
await live.SendAsync(ClientContent.UserText("Hello! What can you do?"));
await foreach (var e in live.EventsAsync())
{
    switch (e)
    {
        case Live.ModelTurnReceived chunk:
            Console.Write(chunk.Text); // text parts, where a model sends them; today's models answer in audio (see its transcription)
            break;
        case Live.TranscriptionReceived { Source: Live.TranscriptionSource.Output } spoken:
            Console.Write(spoken.Transcription.Text);
            break;
        case Live.InteractionCompleted:
            Console.WriteLine();
            await live.CloseAsync();
            return;
    }
}
