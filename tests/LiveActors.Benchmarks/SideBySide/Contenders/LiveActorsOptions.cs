using LiveActors.Options;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>The options both LiveActors contenders run with: the defaults, except where the harness says why not.</summary>
internal static class LiveActorsOptions
{
    /// <summary>retry.reset-after for the harness's sessions (see below).</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromMilliseconds(50);

    public static LiveConnectionOptions For(Uri emulator, bool resumption) => new()
    {
        Model = Endpoint.Model,
        ApiKey = Endpoint.ApiKey,
        BaseAddress = emulator,
        SessionResumption = new SessionResumptionOptions { Enabled = resumption },

        // The upstream row sends its chunks as fast as it can, not in real time: the queue holds a whole run rather than
        // answering buffer_full (a real-time microphone never gets near the default 1,024).
        OutboundQueue = new OutboundQueueOptions { MaxMessages = 100_000, MaxBytes = 512L * 1024 * 1024 },

        // A drop within reset-after of connecting counts as a failed attempt and waits retry.delay; a real session that
        // drops after minutes is retried at once. The drop row's first turn outlasts it (DropToResumedScenario.ReplyDelay).
        Retry = new RetryOptions { ResetAfter = ResetAfter },
    };
}
