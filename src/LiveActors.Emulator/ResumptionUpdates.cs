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
    public Task SendAsync(SessionState session, bool mayHold, CancellationToken ct) => SendAsync(Issue(session), mayHold, ct);

    /// <summary>
    /// Issues a handle for the session as it is now, to be sent later: a handle issued at the end of a turn covers that
    /// turn and nothing the client sends after it, however late the update goes out.
    /// </summary>
    public IssuedUpdate Issue(SessionState session)
    {
        var (handle, consumed) = _sessions.Issue(session);
        return new IssuedUpdate(new OutboundFrame(ServerFrames.ResumptionUpdate(handle, _transparent ? consumed : null)), _outlet.ClientMessages);
    }

    /// <summary>Sends an issued update, late when a fault slows updates: held until as many more client messages as asked
    /// have arrived since it was issued.</summary>
    public async Task SendAsync(IssuedUpdate update, bool mayHold, CancellationToken ct)
    {
        if (mayHold && _plan.UpdateDelay > TimeSpan.Zero)
        {
            await Task.Delay(_plan.UpdateDelay, _time, ct).ConfigureAwait(false); // the reply waits too: order is kept
        }

        if (_plan.HoldUpdates == 0 || !mayHold)
        {
            await _outlet.SendAsync(update.Frame, ct).ConfigureAwait(false);
            return;
        }

        await _outlet.HoldAsync(update.Frame, update.ClientMessagesAtIssue + _plan.HoldUpdates, ct).ConfigureAwait(false);
    }
}

/// <summary>A resumption update issued and not yet sent, with the count of client messages the server had when it issued it.</summary>
internal sealed record IssuedUpdate(OutboundFrame Frame, int ClientMessagesAtIssue);
