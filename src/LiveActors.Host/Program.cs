using System.Text;
using LiveActors.Endpoints;
using LiveActors.Options;
using LiveActors.Protocol;

// For now the host shows what a session would be: the options it would use, the endpoint it would open and the
// setup frame it would send. The session itself (actors, emulator, streaming) arrives with the ConnectionActor.
var options = new LiveConnectionOptions
{
    Model = Environment.GetEnvironmentVariable("LIVE_MODEL") ?? "gemini-live-2.5-flash-preview",
    ApiKey = Environment.GetEnvironmentVariable("GEMINI_API_KEY") ?? "(emulator)",
};

Console.WriteLine("LiveActors host: no session yet; this is the session it will open.");
Console.WriteLine($"options:  {options}");
Console.WriteLine($"endpoint: {LiveEndpoints.For(options)}");
var setup = new Setup { Model = ModelNames.For(options), SessionResumption = new SessionResumptionConfig() };
Console.WriteLine($"setup:    {Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(setup))}");
return 0;
