using Akka.Actor;
using Akka.TestKit;

namespace LiveActors.Tests.Support;

/// <summary>
/// A monotonic clock that moves only when Akka's <see cref="TestScheduler"/> is advanced (the scheduler's own monotonic
/// clock is the machine's): what a session measures idle time on in a test of its timers.
/// </summary>
internal sealed class VirtualClock(TestScheduler scheduler) : ITimeProvider
{
    private readonly DateTimeOffset _start = scheduler.Now;

    public DateTimeOffset Now => scheduler.Now;

    public TimeSpan MonotonicClock => scheduler.Now - _start;

    public TimeSpan HighResMonotonicClock => MonotonicClock;
}
