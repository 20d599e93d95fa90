using LiveActors.Emulator;
using LiveActors.Emulator.Faults;

namespace LiveActors.Samples.Snippets;

/// <summary>The emulator in a test of your own (docs/emulator.md links here).</summary>
internal static class EmulatorSample
{
    public static async Task RunAsync()
    {
        await using var emulator = await LiveEmulator.StartAsync();        // port 0: a free port
        emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)));
        // connect to emulator.BaseAddress + the usual path, e.g. ws://127.0.0.1:PORT/ws/google.ai...
        var record = await emulator.WaitForConnectionAsync(1);            // no sleeps: await what happened
        await record.WaitForMessagesAsync(4);                              // setup + 3 client messages, in order
        Console.WriteLine(await record.Ended);                             // ConnectionEnd { Kind = Dropped }
    }
}
