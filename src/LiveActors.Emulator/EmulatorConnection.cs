using System.Net.WebSockets;
using System.Text.Json;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace LiveActors.Emulator;

/// <summary>
/// One emulated Live API connection, from the accepted upgrade to its end: setup, then each client message in turn,
/// with this connection's scripted faults fired as their counts come due. What the model says is the
/// <see cref="ScriptedModel"/>'s, the framing the <see cref="FrameChannel"/>'s, the record the <see cref="ConnectionLedger"/>'s.
/// </summary>
internal sealed class EmulatorConnection : IFaultTarget
{
    private readonly HttpContext _http;
    private readonly LiveEmulator _emulator;
    private readonly CancellationToken _stopping;
    private readonly string? _ephemeralToken;
    private readonly ConnectionLedger _ledger;
    private readonly FaultPlan _plan;
    private readonly FrameChannel _channel;
    private readonly FaultRunner _faults;
    private readonly ScriptedModel _model;
    private bool _stopReading;

    public EmulatorConnection(WebSocket socket, HttpContext http, ConnectionRecord record, Backend backend,
        IReadOnlyList<EmulatorFault> faults, LiveEmulator emulator, string? ephemeralToken, CancellationToken stopping)
    {
        _http = http;
        _emulator = emulator;
        _stopping = stopping;
        _ephemeralToken = ephemeralToken;
        _ledger = new ConnectionLedger(record, emulator.Stats);
        record.Dropper = Drop;
        _plan = new FaultPlan(faults);
        _channel = new FrameChannel(socket, _plan.FragmentBytes, emulator.Options.MaxClientMessageBytes, _ledger.Sent, stopping);
        _faults = new FaultRunner(_plan, this, emulator.Options.Time, stopping);
        _model = new ScriptedModel(backend == Backend.VertexAi, EmulatorRoute.ApiVersion(record.Path), emulator.Sessions, emulator.Options, _ledger, _plan, this, stopping);
    }

    /// <summary>Client messages after setup so far.</summary>
    public int ClientMessages => _ledger.ClientMessages;

    int IFaultTarget.ServerMessagesAfterSetup => _ledger.ServerMessagesAfterSetup;

    bool IFaultTarget.IsOpen => _channel.IsOpen;

    public async Task RunAsync()
    {
        try
        {
            if (!await SetupAsync().ConfigureAwait(false))
            {
                return;
            }

            while (!_stopReading && await ReceiveAsync().ConfigureAwait(false) is { } message)
            {
                using (message)
                {
                    await HandleAsync(message.RootElement).ConfigureAwait(false);
                }

                await SendHeldAsync().ConfigureAwait(false);
                await _faults.FireDueAsync().ConfigureAwait(false);
            }

            if (_stopReading)
            {
                await WaitUntilGoneAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            _ledger.End(new ConnectionEnd(ConnectionEndKind.EmulatorStopped));
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _ledger.End(new ConnectionEnd(ConnectionEndKind.ClientAborted, Reason: e.Message));
        }
        finally
        {
            await _model.EndAsync().ConfigureAwait(false);
            _ledger.End(new ConnectionEnd(ConnectionEndKind.EmulatorStopped));
        }
    }

    /// <summary>Reads setup and answers it; false when the connection goes no further (refused, ignored, silent, closed).</summary>
    private async Task<bool> SetupAsync()
    {
        using var first = await ReceiveAsync().ConfigureAwait(false);
        if (first is null)
        {
            return false;
        }

        var root = first.RootElement;
        var kind = ClientMessageKind.Of(root);
        _ledger.ReceivedFirst(kind, root.GetRawText());
        var setup = kind == "setup" ? ClientMessageKind.Body(root, kind) : default;
        if (kind != "setup" || SetupRequest.Read(setup) is not { } request)
        {
            await RefuseAsync(Refusal.InvalidArgument).ConfigureAwait(false);
            return false;
        }

        if (_model.Accept(request, setup) is { } refusal)
        {
            await RefuseAsync(refusal).ConfigureAwait(false);
            return false;
        }

        // Resuming does not spend a use of an ephemeral token; a new session does.
        if (_ephemeralToken is not null && !_model.Resumed && _emulator.Tokens.StartSession(_ephemeralToken) is { } refused)
        {
            await CloseAsync(1008, refused).ConfigureAwait(false);
            return false;
        }

        if (_plan.IgnoresSetup)
        {
            while (await ReceiveAsync().ConfigureAwait(false) is { } ignored)
            {
                ignored.Dispose();
            }

            return false;
        }

        await _model.AnswerSetupAsync(_faults.FireAtSetupCompleteAsync).ConfigureAwait(false);
        if (_plan.Silent)
        {
            await WaitUntilGoneAsync().ConfigureAwait(false);
            return false;
        }

        await _faults.FireDueAsync().ConfigureAwait(false);
        return true;
    }

    private async Task HandleAsync(JsonElement root)
    {
        var kind = ClientMessageKind.Of(root);
        _ledger.Received(kind, root.GetRawText());
        if (_faults.TakeDueDrop())
        {
            // The network fails as this message arrives: the server has it, but nothing it would send about it (a reply,
            // a resumption update covering it) can reach the client. Acting on it first would race its reply with the drop.
            Drop();
            return;
        }

        if (_plan.PoisonsHandles && _model.Resumed)
        {
            // A poisoned handle: the resumed session is set up, then the service fails on the first input, every time.
            await CloseAsync(1011, "The service is currently unavailable.").ConfigureAwait(false);
            return;
        }

        if (kind is null or "setup")
        {
            await RefuseAsync(Refusal.InvalidArgument).ConfigureAwait(false);
            return;
        }

        if (await _model.HearAsync(kind, ClientMessageKind.Body(root, kind)).ConfigureAwait(false) is { } refusal)
        {
            await RefuseAsync(refusal).ConfigureAwait(false);
        }
    }

    /// <summary>The next whole client message, or null once there is none to read: the client closed, or sent what ends the connection.</summary>
    private async Task<JsonDocument?> ReceiveAsync()
    {
        var inbound = await _channel.ReceiveAsync().ConfigureAwait(false);
        switch (inbound.Kind)
        {
            case InboundKind.Message:
                return inbound.Message;
            case InboundKind.Closed:
                _ledger.End(new ConnectionEnd(ConnectionEndKind.ClientClosed, _channel.ClientCloseCode, _channel.ClientCloseReason));
                await _channel.AnswerCloseAsync().ConfigureAwait(false);
                return null;
            case InboundKind.TooBig:
                await CloseAsync(1009, "Message too big.").ConfigureAwait(false);
                return null;
            default:
                _ledger.ReceivedNotJson(inbound.Text ?? "");
                await CloseAsync(1007, "Invalid JSON payload received.").ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>Sends, in order, what was held back behind resumption updates that are now due.</summary>
    private async Task SendHeldAsync()
    {
        if (_plan.HoldUpdates == 0)
        {
            return;
        }

        await _channel.SendHeldAsync(_ledger.ClientMessages).ConfigureAwait(false);
        await _faults.FireDueAsync().ConfigureAwait(false);
    }

    public async Task SendAsync(OutboundFrame frame, CancellationToken ct = default)
    {
        if (await _channel.SendAsync(frame, ct).ConfigureAwait(false) && frame.CountsAfterSetup)
        {
            await _faults.FireDueAsync().ConfigureAwait(false);
        }
    }

    public Task HoldAsync(OutboundFrame frame, int clientMessages, CancellationToken ct) => _channel.HoldAsync(frame, clientMessages, ct);

    private async Task RefuseAsync(Refusal refusal)
    {
        if (refusal.Violation is { } violation)
        {
            _ledger.Violated(violation);
        }

        await CloseAsync(refusal.Code, refusal.Reason).ConfigureAwait(false);
    }

    public async Task CloseAsync(int code, string reason)
    {
        _ledger.End(new ConnectionEnd(ConnectionEndKind.ServerClosed, code, reason));
        await _channel.CloseAsync(code, reason).ConfigureAwait(false);
    }

    /// <summary>Ends the connection with no close frame, as a network failure would.</summary>
    public void Drop()
    {
        _ledger.End(new ConnectionEnd(ConnectionEndKind.Dropped));
        _http.Abort();
    }

    void IFaultTarget.StopReading() => _stopReading = true;

    private async Task WaitUntilGoneAsync()
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(_stopping, _http.RequestAborted);
        await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _ledger.End(new ConnectionEnd(_stopping.IsCancellationRequested ? ConnectionEndKind.EmulatorStopped : ConnectionEndKind.ClientAborted));
    }
}
