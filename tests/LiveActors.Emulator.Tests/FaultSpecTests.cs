using LiveActors.Emulator.Faults;

namespace LiveActors.Emulator.Tests;

public sealed class FaultSpecTests
{
    public static TheoryData<string, int?, EmulatorFault> Specs => new()
    {
        { "reject=503", null, EmulatorFault.RejectUpgrade(503) },
        { "2:drop=3", 2, EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)) },
        { "close=1:1011:Internal error", null, EmulatorFault.Close(FaultTrigger.AfterClientMessages(1), 1011, "Internal error") },
        { "go-away=0:30", null, EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(0), TimeSpan.FromSeconds(30)) },
        { "go-away=setup:300", null, EmulatorFault.GoAway(FaultTrigger.AtSetupComplete, TimeSpan.FromSeconds(300)) },
        { "go-away=2:0.5", null, EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(2), TimeSpan.FromMilliseconds(500)) },
        { "huge=1", null, EmulatorFault.Huge(FaultTrigger.AfterClientMessages(1)) },
        { "huge=1:1024", null, EmulatorFault.Huge(FaultTrigger.AfterClientMessages(1), 1024) },
        { "delay=250", null, EmulatorFault.Delay(TimeSpan.FromMilliseconds(250)) },
        { "3:silence", 3, EmulatorFault.Silence },
        { "fragment=16", null, EmulatorFault.Fragment(16) },
        { "flood=1000", null, EmulatorFault.Flood(1000) },
        { "audio-flood=50", null, EmulatorFault.AudioFlood(50) },
        { "hold-updates=2", null, EmulatorFault.HoldResumptionUpdates(2) },
        { "delay-updates=500", null, EmulatorFault.DelayResumptionUpdates(TimeSpan.FromMilliseconds(500)) },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_names_the_fault_its_arguments_and_optionally_its_connection(string spec, int? connection, EmulatorFault fault) =>
        Assert.Equal((connection, fault), FaultSpec.Parse(spec));

    [Theory]
    [InlineData("explode=1")]
    [InlineData("drop=x")]
    [InlineData("close=1")]
    [InlineData("go-away=1:soon")]
    public void A_bad_spec_is_a_format_error(string spec) =>
        Assert.ThrowsAny<FormatException>(() => FaultSpec.Parse(spec));

    [Fact]
    public void The_rule_gives_each_connection_its_own_faults_and_the_unnumbered_ones()
    {
        var rule = FaultSpec.Rule([(1, EmulatorFault.RejectUpgrade(503)), (null, EmulatorFault.Fragment(8))])!;

        Assert.Equal([EmulatorFault.RejectUpgrade(503), EmulatorFault.Fragment(8)], rule(1));
        Assert.Equal([EmulatorFault.Fragment(8)], rule(2));
    }
}
