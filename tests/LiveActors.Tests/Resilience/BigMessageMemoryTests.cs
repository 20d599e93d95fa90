using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>Big messages give their memory back: a session that received two 8 MiB messages keeps nothing of them.</summary>
[Collection(IsolatedCollection.Name)] // it measures the heap, which other tests running at the same time would blur
public sealed class BigMessageMemoryTests : SessionTestKit
{
    // Measured: +0.6 to +4.3 MiB (the in-process emulator and the runtime's own pools move it); +31.7 MiB when the
    // client kept its grown buffers in the shared pool.
    private const long Bound = 8L * 1024 * 1024;
    private readonly ITestOutputHelper _output;

    public BigMessageMemoryTests(ITestOutputHelper output)
        : base(output) => _output = output;

    [Fact]
    public async Task After_two_8_MiB_messages_and_the_session_closed_the_heap_is_back_within_8_MiB()
    {
        await HoldSessionAsync(huge: false); // warms up everything a session touches, so only what big messages keep shows
        var before = GC.GetTotalMemory(forceFullCollection: true);

        await HoldSessionAsync(huge: true);

        var after = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine($"heap {before / 1024} KiB before, {after / 1024} KiB after two 8 MiB messages");
        Assert.InRange(after - before, long.MinValue, Bound);
    }

    private async Task HoldSessionAsync(bool huge)
    {
        // Its own emulator, so that what it keeps of the frames it sent is gone when the heap is measured.
        await using var emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 1 }));
        if (huge)
        {
            // In 64 KiB frames: the emulator's own WebSocket, in this process, would otherwise rent (and the shared pool
            // keep) a 16 MiB send buffer, which is not the client's doing. The client still joins 8 MiB messages.
            emulator.ScriptNextConnection(
                EmulatorFault.Fragment(64 * 1024), EmulatorFault.Huge(FaultTrigger.AfterSetup), EmulatorFault.Huge(FaultTrigger.AfterClientMessages(1)));
        }

        var events = CreateTestProbe();
        var session = Sys.ActorOf(ConnectionSupervisor.Props(Options with { BaseAddress = emulator.BaseAddress }, null, TestEnvironment.Empty, events.Ref));
        events.FishForMessage(e => e is Connected, Patience);
        session.Tell(new Send(ClientContent.UserText("after the big ones")), events.Ref);
        var (bigOnes, answered) = (0, false);
        events.FishForMessage(
            e =>
            {
                bigOnes += e is ModelTurnReceived { Text.Length: > 8_000_000 } ? 1 : 0;
                answered |= e is TurnCompleted;
                return answered && bigOnes == (huge ? 2 : 0);
            },
            Patience);
        session.Tell(Close.Instance, events.Ref);
        events.FishForMessage(e => e is Closed, Patience);
        Watch(session);
        ExpectTerminated(session, Patience);
    }
}
