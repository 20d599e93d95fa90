using LiveActors.Supervision.Delivery;
using LiveActors.Telemetry;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;

namespace LiveActors.Supervision;

/// <summary>
/// What senders, subscribers and the session's keeper hear about client messages: a failed message is told to its
/// sender and published to everyone else (an Ask's sender is gone by then, so someone listening must hear it), and the
/// keeper learns how far every message is done. Written into the <see cref="Effects"/> the session's rules share.
/// </summary>
/// <param name="desk">Where the messages are.</param>
/// <param name="logger">Where failures are logged.</param>
/// <param name="durable">A keeper stores the session: it hears how far every message is done.</param>
internal sealed class DeliveryReports(DeliveryDesk desk, ILogger logger, bool durable)
{
    /// <summary>What is left to perform.</summary>
    public Effects Effects { get; } = new();

    /// <summary>The sender of <paramref name="failure"/>'s message hears it failed, and so does every other subscriber.</summary>
    public void Fail(SendFailure failure)
    {
        var (message, error) = failure;
        Log.SendFailed(logger, message.Sequence, error.Code);
        var failed = new SendFailed(message.Sequence, error, message.Correlation);
        Effects.Tell(message.Sender, failed);
        Effects.Publish(failed, except: [message.Sender]);
    }

    /// <summary>Messages let go without evidence (past the limits, or after a drop): reported, never taken as delivered.</summary>
    public void Report(IReadOnlyList<SendFailure> failures)
    {
        if (failures.Count > 0)
        {
            failures.ToList().ForEach(Fail);
            ReportDone();
        }
    }

    /// <summary>Tells the keeper how far every message is done (confirmed, or reported), when that moved.</summary>
    public void ReportDone()
    {
        if (durable && desk.DoneThroughMoved() is { } doneThrough)
        {
            Effects.Keep(new DurableDoneThrough(doneThrough));
        }
    }
}
