using System.Net.WebSockets;
using System.Text;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Faults;

/// <summary>Fires a connection's triggered faults once their counts are reached: drop, close, goAway, odd frames, stop reading.</summary>
internal sealed class FaultRunner
{
    private readonly FaultPlan _plan;
    private readonly IFaultTarget _target;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;

    public FaultRunner(FaultPlan plan, IFaultTarget target, TimeProvider time, CancellationToken stopping)
    {
        _plan = plan;
        _target = target;
        _time = time;
        _stopping = stopping;
    }

    /// <summary>Takes a drop that is due now; false when there is none.</summary>
    public bool TakeDueDrop() => _plan.TakeDueDrop(_target.ClientMessages, _target.ServerMessagesAfterSetup);

    /// <summary>Fires every fault due now; a drop or a close ends the round, as nothing after it could reach the client.</summary>
    public Task FireDueAsync() =>
        _plan.HasTriggered ? FireAsync(_plan.TakeDue(_target.ClientMessages, _target.ServerMessagesAfterSetup)) : Task.CompletedTask;

    /// <summary>Fires the faults due right after setupComplete, before the first resumption update (<see cref="FaultTrigger.AtSetupComplete"/>).</summary>
    public Task FireAtSetupCompleteAsync() => _plan.HasTriggered ? FireAsync(_plan.TakeAtSetupComplete()) : Task.CompletedTask;

    private async Task FireAsync(IReadOnlyList<EmulatorFault> faults)
    {
        foreach (var fault in faults)
        {
            switch (fault)
            {
                case DropFault:
                    _target.Drop();
                    return;
                case CloseFault close:
                    await _target.CloseAsync(close.Code, close.Reason).ConfigureAwait(false);
                    return;
                case GoAwayFault goAway:
                    // The deadline starts before the client can see goAway, so a test clock advanced on receipt always finds it.
                    _ = CloseAfterAsync(goAway.TimeLeft);
                    await _target.SendAsync(new OutboundFrame(ServerFrames.GoAway(goAway.TimeLeft))).ConfigureAwait(false);
                    break;
                case MalformedFrameFault:
                    await _target.SendAsync(new OutboundFrame(ServerFrames.Malformed, PreSerialized: true)).ConfigureAwait(false);
                    break;
                case RawFrameFault raw:
                    await _target.SendAsync(new OutboundFrame(Encoding.UTF8.GetBytes(raw.Frame))).ConfigureAwait(false);
                    break;
                case UnknownKindFault:
                    await _target.SendAsync(new OutboundFrame(ServerFrames.UnknownKind, PreSerialized: true)).ConfigureAwait(false);
                    break;
                case HugeMessageFault huge:
                    await _target.SendAsync(new OutboundFrame(ServerFrames.Huge(huge.Bytes))).ConfigureAwait(false);
                    break;
                case StopReadingFault:
                    _target.StopReading();
                    break;
            }
        }
    }

    private async Task CloseAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping).ConfigureAwait(false);
            if (_target.IsOpen)
            {
                await _target.CloseAsync(1011, "Deadline expired before operation could complete.").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection ended first.
        }
    }
}
