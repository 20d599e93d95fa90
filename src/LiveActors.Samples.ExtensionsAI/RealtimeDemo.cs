using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Extensions.AI;
using LiveActors.Facade;
using LiveActors.Options;
using Microsoft.Extensions.AI;

namespace LiveActors.Samples.ExtensionsAI;

/// <summary>
/// The composition root: an actor system, the loopback emulator, and a <see cref="LiveRealtimeClient"/> wrapped in
/// MEAI's function invocation, handed to <see cref="Conversation"/> as a plain <see cref="IRealtimeClient"/>. After the
/// first answer, once the server has confirmed everything said, the emulator drops the connection, as a network would;
/// the conversation goes on, resumed.
/// </summary>
public static class RealtimeDemo
{
    /// <summary>Runs the demo, writing to <paramref name="output"/>; 0 when the conversation went through.</summary>
    public static async Task<int> RunAsync(TextWriter output)
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var system = ActorSystem.Create("realtime-demo", "akka.loglevel = WARNING");
        var options = new LiveConnectionOptions
        {
            Model = "gemini-3.8-live", // today's Live model; it answers in audio only, with its transcription
            ApiKey = emulator.Options.ApiKey,
            BaseAddress = emulator.BaseAddress,
            SessionResumption = new SessionResumptionOptions { Enabled = true },
        };
        using var client = new LiveRealtimeClient(system, options).AsBuilder().UseFunctionInvocation().Build();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await Conversation.RunAsync(client, output, async (answered, session) =>
        {
            if (answered == 1)
            {
                // A phone's network drops between two questions, once the server has confirmed all that was said (a
                // resumption handle covers it): the conversation resumes where it stood.
                var live = session.GetService<ILiveConnection>()!;
                while ((await live.GetStatusAsync(patience.Token)).UnconfirmedMessages > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
                }

                output.WriteLine("  [the network drops]");
                (await emulator.WaitForConnectionAsync(1, patience.Token)).Drop();
                await emulator.WaitForConnectionAsync(2, patience.Token); // the session noticed and is reconnecting
            }
        }, patience.Token);

        output.WriteLine($"[{emulator.Connections.Count} connections, one conversation]");
        await system.Terminate();
        return 0;
    }
}
