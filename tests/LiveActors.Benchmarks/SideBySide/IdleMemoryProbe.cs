using System.Diagnostics;
using System.Globalization;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// The idle-memory measurement, run in a fresh process of its own for every contender and repetition: a warm-up of a
/// few sessions (JIT, pools), then the growth of the managed heap after full collections while N sessions are open
/// and idle, per session. In one shared process the figure moved by up to 17 KiB per session with the contender that
/// ran before (what it left in pools and caches), which is more than the differences being measured.
/// </summary>
internal static class IdleMemoryProbe
{
    /// <summary>The command-line flag that makes the benchmarks program a probe: <c>--idle-probe NAME EMULATOR SESSIONS</c>.</summary>
    public const string Flag = "--idle-probe";

    private const int OpenAtOnce = 16;
    private const int WarmUpSessions = 16;

    /// <summary>Runs a probe for <paramref name="contender"/> in a child process and returns its KiB per session.</summary>
    public static async Task<IdleMemory> MeasureInChildAsync(string contender, Uri emulator, int sessions, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(IdleMemoryProbe).Assembly.Location, Flag, contender, emulator.ToString(), sessions.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The idle-memory probe did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var lines = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var figures = lines.Length > 0 ? lines[^1].Split(' ') : [];
        return process.ExitCode == 0 && figures.Length == 2
            && double.TryParse(figures[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var heap)
            && double.TryParse(figures[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var workingSet)
            ? new IdleMemory(heap, workingSet)
            : throw new InvalidOperationException($"The idle-memory probe for {contender} failed ({process.ExitCode}): {await errors.ConfigureAwait(false)}");
    }

    /// <summary>The probe itself: <paramref name="args"/> are NAME EMULATOR SESSIONS; prints the heap's and the working set's KiB per session.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var sessions = int.Parse(args[2], CultureInfo.InvariantCulture);
        var emulator = new Uri(args[1]);
        await using var contender = SideBySideRun.Contenders().Single(c => c.Name == args[0]);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await CloseAllAsync(await OpenAsync(contender, emulator, WarmUpSessions, patience.Token).ConfigureAwait(false)).ConfigureAwait(false);

        var before = SettledHeap();
        var workingSetBefore = Environment.WorkingSet;
        var open = await OpenAsync(contender, emulator, sessions, patience.Token).ConfigureAwait(false);
        var after = SettledHeap();
        var workingSetAfter = Environment.WorkingSet;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(after - before) / 1024.0 / sessions:R} {(workingSetAfter - workingSetBefore) / 1024.0 / sessions:R}"));
        await CloseAllAsync(open).ConfigureAwait(false);
        return 0;
    }

    private static async Task<IContenderSession[]> OpenAsync(IContender contender, Uri emulator, int count, CancellationToken cancellationToken)
    {
        var sessions = new IContenderSession[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce, CancellationToken = cancellationToken },
            async (i, token) => sessions[i] = await contender.ConnectAsync(emulator, resumption: true, token).ConfigureAwait(false)).ConfigureAwait(false);
        return sessions;
    }

    private static Task CloseAllAsync(IContenderSession[] sessions) =>
        Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce },
            async (session, _) => await session.DisposeAsync().ConfigureAwait(false));

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>What one idle session adds to a process, in KiB: to the managed heap after full collections, and to its working set.</summary>
internal sealed record IdleMemory(double HeapKiB, double WorkingSetKiB);
