using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator;

/// <summary>
/// Issues resumption handles for a conversation that asked for them, and sends each one, or (HoldResumptionUpdates,
/// DelayResumptionUpdates) sends it late: a slow trip back that keeps the server's order.
/// </summary>
internal sealed class ResumptionUpdates
{
    private readonly SessionStore _sessions;
    private readonly bool _transparent;
    private readonly FaultPlan _plan;
    private readonly IServerOutlet _outlet;
    private readonly TimeProvider _time;

    public ResumptionUpdates(SessionStore sessions, bool transparent, FaultPlan plan, IServerOutlet outlet, TimeProvider time)
    {
        _sessions = sessions;
        _transparent = transparent;
        _plan = plan;
        _outlet = outlet;
        _time = time;
    }

    /// <summary>
    /// Issues a handle for the session as it is now and sends it; with <paramref name="mayHold"/> false (the update right
    /// after setupComplete) the faults that slow updates do not apply.
    /// </summary>
    public async Task SendAsync(SessionState session, bool mayHold, CancellationToken ct)
    {
        if (mayHold && _plan.UpdateDelay > TimeSpan.Zero)
        {
            await Task.Delay(_plan.UpdateDelay, _time, ct).ConfigureAwait(false); // the reply waits too: order is kept
        }

        var (handle, consumed) = _sessions.Issue(session);
        var frame = new OutboundFrame(ServerFrames.ResumptionUpdate(handle, _transparent ? consumed : null));
        if (_plan.HoldUpdates == 0 || !mayHold)
        {
            await _outlet.SendAsync(frame, ct).ConfigureAwait(false);
            return;
        }

        await _outlet.HoldAsync(frame, _plan.HoldUpdates, ct).ConfigureAwait(false);
    }
}
