using System.Diagnostics;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision;

/// <summary>
/// What passes through a session while it lives, whatever state it is in: a Send accepted and written, and a server
/// message taken in (its evidence, its tool calls, its handle, the inbox, the events it makes); what an ending leaves is
/// <see cref="SessionEndings"/>'. Each call returns the <see cref="Effects"/> the actor performs, so the actor's states
/// only choose the call and where the session goes next.
/// </summary>
internal sealed class SessionTraffic
{
    private readonly LiveConnectionOptions _options;
    private readonly ModelRules _rules;
    private bool _clientContentOnConnection; // the connection carried a clientContent: a 1007 may be about it
    private readonly Resumption _resumption;
    private readonly IdleWatch _idle;
    private readonly SessionTelemetry _telemetry;
    private readonly ITimeProvider _clock;
    private readonly ILogger _logger;
    private readonly bool _durable;
    private readonly DeliveryReports _reports;
    private readonly List<Live.Event> _events = new(4);

    /// <summary>Traffic with the session's rules, <paramref name="clock"/> its scheduler (monotonic for activity, wall for a kept handle).</summary>
    public SessionTraffic(
        LiveConnectionOptions options, ModelRules rules, Resumption resumption, IdleWatch idle, SessionTelemetry telemetry, ITimeProvider clock,
        ILogger logger, Durability? durability)
    {
        _options = options;
        _rules = rules;
        _resumption = resumption;
        _idle = idle;
        _telemetry = telemetry;
        _clock = clock;
        _logger = logger;
        _durable = durability is not null;
        Desk = new DeliveryDesk(options, rules.IdleEndsInteraction, durability?.Recovered);
        Calls = new ToolCallPlanner(rules, options.SessionResumption.LostToolResults, options.Setup?.Tools);
        Transcript = new Transcript(options.SessionResumption.ReseedExchanges);
        Inbox = new PullInbox(options.InboxCapacity, options.InboxMaxBytes);
        _reports = new DeliveryReports(Desk, logger, _durable);
    }

    /// <summary>What became of every client message.</summary>
    public DeliveryDesk Desk { get; }

    /// <summary>The tool calls across connections.</summary>
    public ToolCallPlanner Calls { get; }

    /// <summary>The answered exchanges that seed a new server session when the session cannot resume.</summary>
    public Transcript Transcript { get; }

    /// <summary>Server messages kept for Receive, and who waits for one.</summary>
    public PullInbox Inbox { get; }

    /// <summary>What senders, subscribers and the keeper hear about client messages.</summary>
    public DeliveryReports Reports => _reports;

    /// <summary>What is left to perform; every call returns it.</summary>
    public Effects Effects => _reports.Effects;

    /// <summary>Nothing waits or is unconfirmed, no call is pending and no reply streams: a socket may close and lose nothing.</summary>
    public bool Quiet => Desk.IsEmpty && !Calls.AnyPending && !Desk.ReplyInProgress;

    /// <summary>What the current socket carries is confirmed, no call is pending and no reply streams: a handover may close it now.</summary>
    public bool SocketSettled => Handover.CanCloseNow(Desk.OnConnection, Calls.AnyPending, Desk.ReplyInProgress);

    /// <summary>The name of the timer that gives up on waiting receiver <paramref name="id"/>.</summary>
    public static string ReceiveTimerKey(long id) => $"receive-{id}";

    /// <summary>
    /// A Send from <paramref name="sender"/>: refused (the model cannot take it, it answers a lost call, the queue is
    /// full), or numbered and accepted, then written on <paramref name="socket"/> when given, else queued for the next one.
    /// </summary>
    public Effects Accept(Send send, IActorRef sender, SocketWriter? socket)
    {
        if (_rules.WireForm(send.Message, out var unsupported) is not { } wire)
        {
            Log.SendRefused(_logger, unsupported!.Code, unsupported.What);
            return Refuse(sender, unsupported);
        }

        if (Calls.Admit(wire, out var lost) is not { } admitted)
        {
            return Refuse(sender, lost!);
        }

        var size = ClientMessageSize.Of(admitted);
        if (Desk.Refusal(size) is { } full)
        {
            return Refuse(sender, full);
        }

        _idle.Touch(_clock.MonotonicClock);
        var message = Desk.Accept(admitted, sender, size, send.Correlation);
        Transcript.Sent(admitted);
        if (Calls.InputWhilePending(admitted) is { } possiblyCancelled)
        {
            Effects.Publish(possiblyCancelled);
        }
        var replyTo = sender.IsNobody() ? null : sender; // nobody to tell: no dead letter per Send
        if (_durable)
        {
            Effects.Keep(new DurableAccepted(message.Sequence, message.Message, send.Correlation, replyTo)); // acknowledged once stored
        }
        else if (replyTo is not null)
        {
            Effects.Tell(replyTo, new SendAccepted(message.Sequence, send.Correlation));
        }

        if (socket is null)
        {
            Desk.Queue(message);
            return Effects;
        }

        Desk.PutOnConnection(message);
        return Write(socket, message);
    }

    /// <summary>
    /// The connection ended with <paramref name="error"/>: a 1007 after setupComplete on a connection that carried a
    /// mid-session clientContent, which the profile said the model takes, teaches the rules otherwise (docs/live-api.md
    /// 3.2), and the session goes on in the early-2026 form, so the drop becomes one worth a reconnect. Else the error as it is.
    /// </summary>
    public ConnectionError Learn(ConnectionError error, bool wasReady)
    {
        if (error is not ServerClosed { CloseCode: 1007 } closed || !wasReady || !_clientContentOnConnection || !_rules.TakesTurnsMidSession)
        {
            return error;
        }

        _rules.LearnNoMidSessionClientContent();
        Log.LearnedNoMidSessionClientContent(_logger, _options.Model);
        return new ConnectionFailed($"the server refused a mid-session clientContent (1007: {closed.Reason}); user text goes as realtimeInput.text from now on.");
    }

    /// <summary>A socket is ready: what waited for it is written on it, in order, after its handshake's messages.</summary>
    public Effects StartConnection(SocketWriter socket, int handshakeMessages)
    {
        _clientContentOnConnection = false;
        foreach (var message in Desk.StartConnection(handshakeMessages))
        {
            Write(socket, message);
        }

        return Effects;
    }

    /// <summary>Every message up to <paramref name="sequence"/> is on the wire.</summary>
    public Effects Written(long sequence)
    {
        _reports.Report(Desk.Written(sequence));
        _reports.ReportDone();
        return Effects;
    }

    /// <summary>A server message: the evidence, calls and handle it carries, a waiting receiver or the inbox, and its events.</summary>
    public Effects Inbound(InboundMessage inbound)
    {
        var message = inbound.Message;
        foreach (var odd in _telemetry.FirstSeen(inbound.OddMembers))
        {
            Log.OddMember(_logger, odd);
        }

        Calls.ServerSent(message);
        Transcript.Heard(message);
        if (message.ReportedInteractionStatus is not null)
        {
            Desk.InteractionStatusReported();
        }

        _telemetry.ServerSent(message, ReplyEvidence.EndsInteraction(message, Desk.IdleEndsInteraction), Stopwatch.GetTimestamp());
        _reports.Report(Desk.ServerSent(message));
        if (Desk.Stray is not StrayFrames.None and var stray)
        {
            ReportStray(stray);
        }

        if (_idle.Enabled && ReplyEvidence.IsReply(message))
        {
            _idle.Touch(_clock.MonotonicClock);
        }

        if (_resumption.ServerSent(message) is { } update)
        {
            if (_durable)
            {
                Effects.Keep(new DurableHandle(update.NewHandle!, _clock.Now));
            }

            Desk.HandleReceived(update.LastConsumedClientMessageIndex);
        }

        var arrival = Inbox.Arrived(inbound);
        if (arrival.TakenBy is { } waiting)
        {
            Effects.CancelTimer(ReceiveTimerKey(waiting.Id));
            Effects.Tell(waiting.Receiver, message);
        }

        SessionTelemetry.InboxDropped(arrival.Dropped);
        if (arrival.OverflowBegan)
        {
            Log.InboxOverflow(_logger, _options.InboxCapacity, _options.InboxMaxBytes);
        }

        if (message.SessionResumptionUpdate is not null)
        {
            _reports.ReportDone(); // only a handle releases what the desk holds here: not worth a look at every chunk
        }

        ServerEvents.AddTo(_events, message, Desk.IdleEndsInteraction);
        _events.ForEach(@event => Effects.Publish(@event));
        _events.Clear();
        if (message.GoAway is { } goAway)
        {
            Log.GoAway(_logger, goAway.TimeLeft); // the session hands over: resumed with a handle, else a new server session
        }

        return Effects;
    }

    /// <summary>
    /// Writes <paramref name="message"/> on the socket from the actor's thread: written now, it counts as written; queued
    /// behind a waiting write, <see cref="Written"/> reports it later; refused (the socket's queue is full), it is
    /// forgotten and its sender told.
    /// </summary>
    private Effects Write(SocketWriter socket, OutboundMessage message)
    {
        _clientContentOnConnection |= message.Message is ClientContent;
        Desk.Handed(message);
        _telemetry.Handed(message.Message, Stopwatch.GetTimestamp());
        switch (socket.Write(message))
        {
            case SocketWriter.Outcome.Written:
                return Written(message.Sequence);
            case SocketWriter.Outcome.Refused:
                Desk.Rejected(message);
                _reports.Fail(new SendFailure(message, new BufferFull(Desk.PendingCount, Desk.PendingBytes)));
                break;
        }

        return Effects;
    }

    /// <summary>Frames that belonged to no open turn: counted and logged, as they were not applied to the next turn.</summary>
    private void ReportStray(StrayFrames stray)
    {
        foreach (var frame in StrayFrameNames.Of(stray))
        {
            SessionTelemetry.StrayFrame(frame);
            Log.StrayFrame(_logger, frame);
        }
    }

    private Effects Refuse(IActorRef sender, ConnectionError error)
    {
        Effects.Tell(sender, new Status.Failure(new LiveConnectionException(error)));
        return Effects;
    }
}
