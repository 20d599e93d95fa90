using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Tests;

public sealed class FaultPlanTests
{
    [Fact]
    public void The_settings_come_from_the_script_and_a_flood_serves_only_the_first_turn()
    {
        var plan = new FaultPlan([EmulatorFault.Fragment(0), EmulatorFault.Delay(TimeSpan.FromSeconds(1)), EmulatorFault.Flood(5),
            EmulatorFault.HoldResumptionUpdates(2), EmulatorFault.DelayResumptionUpdates(TimeSpan.FromSeconds(3)), EmulatorFault.Silence]);

        Assert.Equal(1, plan.FragmentBytes); // a frame carries at least a byte
        Assert.Equal(TimeSpan.FromSeconds(1), plan.ReplyDelay);
        Assert.Equal(2, plan.HoldUpdates);
        Assert.Equal(TimeSpan.FromSeconds(3), plan.UpdateDelay);
        Assert.True(plan.Silent);
        Assert.False(plan.IgnoresSetup);
        Assert.False(plan.HasTriggered);
        Assert.Equal((5, 0), (plan.TakeFlood(), plan.TakeAudioFlood()));
        Assert.Equal(0, plan.TakeFlood());
    }

    [Fact]
    public void A_triggered_fault_is_due_at_its_count_and_is_taken_once()
    {
        var close = EmulatorFault.Close(FaultTrigger.AfterServerMessages(3), 1011);
        var drop = EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2));
        var plan = new FaultPlan([close, drop]);

        Assert.Empty(plan.TakeDue(clientMessages: 1, serverMessages: 2));
        Assert.False(plan.TakeDueDrop(clientMessages: 1, serverMessages: 9));
        Assert.True(plan.TakeDueDrop(clientMessages: 2, serverMessages: 0));
        Assert.False(plan.TakeDueDrop(clientMessages: 2, serverMessages: 0));
        Assert.Equal([close], plan.TakeDue(clientMessages: 5, serverMessages: 3));
        Assert.False(plan.HasTriggered);
    }

    [Fact]
    public async Task The_runner_acts_on_what_is_due_in_order_and_a_close_ends_the_round()
    {
        var target = new Target { ClientMessages = 1 };
        var plan = new FaultPlan([EmulatorFault.UnknownKind(FaultTrigger.AfterClientMessages(1)), EmulatorFault.StopReading(FaultTrigger.AfterClientMessages(1)),
            EmulatorFault.Close(FaultTrigger.AfterClientMessages(1), 1011, "bye"), EmulatorFault.MalformedFrame(FaultTrigger.AfterClientMessages(1))]);
        var runner = new FaultRunner(plan, target, TimeProvider.System, CancellationToken.None);

        await runner.FireDueAsync();

        Assert.Equal(["sent", "stop reading", "close 1011 bye"], target.Acts);
        Assert.Equal([ServerFrames.UnknownKind], target.Sent.Select(f => f.Bytes));
        Assert.False(plan.HasTriggered); // the malformed frame was due too: taken, never sent
    }

    private sealed class Target : IFaultTarget
    {
        public List<string> Acts { get; } = [];

        public List<OutboundFrame> Sent { get; } = [];

        public int ClientMessages { get; init; }

        public int ServerMessagesAfterSetup { get; init; }

        public bool IsOpen => true;

        public void Drop() => Acts.Add("drop");

        public Task CloseAsync(int code, string reason)
        {
            Acts.Add($"close {code} {reason}");
            return Task.CompletedTask;
        }

        public void StopReading() => Acts.Add("stop reading");

        public Task SendAsync(OutboundFrame frame, CancellationToken ct = default)
        {
            Acts.Add("sent");
            Sent.Add(frame);
            return Task.CompletedTask;
        }

        public Task HoldAsync(OutboundFrame frame, int clientMessages, CancellationToken ct) => throw new NotSupportedException();
    }
}
