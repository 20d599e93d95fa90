using LiveActors.Errors;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>How both LiveActors contenders turn the session's events into the harness's progress.</summary>
internal static class LiveEventTally
{
    public static void Apply(Live.Event @event, SessionProgress progress)
    {
        switch (@event)
        {
            case Connected:
                progress.SetupComplete();
                break;
            case ModelTurnReceived model:
                long audio = 0;
                foreach (var part in model.Turn.Parts ?? [])
                {
                    audio += part.InlineData?.Data.Length ?? 0;
                }

                progress.Chunk(audio);
                break;
            case TurnCompleted:
                progress.TurnComplete();
                break;
            case Disconnected { WillRetry: true }:
                progress.Dropped();
                break;
            case Reconnected:
                progress.Resumed();
                break;
            case SendFailed { Error: DeliveryUncertain }:
                break; // the message on the wire when a connection drops: reported, as it should be, not a failure of the run
            case SendFailed failed:
                progress.Failed(new LiveConnectionException(failed.Error));
                break;
            case GaveUp gaveUp:
                progress.Failed(new LiveConnectionException(gaveUp.Error));
                break;
        }
    }
}
