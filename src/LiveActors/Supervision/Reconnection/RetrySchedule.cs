using LiveActors.Options;

namespace LiveActors.Supervision.Reconnection;

/// <summary>The reconnect waits, as one pure function of the attempt number (the multiplier of gemini_ex, capped, optionally spread).</summary>
internal static class RetrySchedule
{
    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (1-based): <c>min(MaxDelay, Delay * Backoff^(attempt-1))</c>, times a
    /// factor in [1 - Jitter, 1 + Jitter] picked by <paramref name="random"/> (in [0, 1); 0.5 is the exact schedule), and
    /// never more than MaxDelay.
    /// </summary>
    public static TimeSpan Delay(RetryOptions retry, int attempt, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exact = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.Delay.TotalMilliseconds * Math.Pow(retry.Backoff, attempt - 1));
        var spread = 1.0 + (retry.Jitter * ((2.0 * random) - 1.0));
        return TimeSpan.FromMilliseconds(Math.Min(retry.MaxDelay.TotalMilliseconds, exact * spread));
    }

    /// <summary>The wait before retry <paramref name="attempt"/>, with jitter drawn from <see cref="Random.Shared"/>.</summary>
    public static TimeSpan Delay(RetryOptions retry, int attempt) =>
        Delay(retry, attempt, retry.Jitter == 0 ? 0.5 : Random.Shared.NextDouble());
}
