using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LiveActors.Benchmarks.SideBySide;

// dotnet run -c Release --project tests/LiveActors.Benchmarks -- [--quick] [--micro | --side-by-side] [BenchmarkDotNet options]
//   --quick         smaller runs with shorter jobs (the whole command in under two minutes), for a first look
//   --micro         only the BenchmarkDotNet micro-benchmarks (parser, serializer); BenchmarkDotNet options apply
//   --side-by-side  only the side-by-side harness against the emulator
//   --scenario NAME only the harness scenarios whose name contains NAME (e.g. DownstreamText), for profiling
//   --sessions      only the LiveSessions figures: 1,000 sessions opened and passivated, and the cost of a persisted message
//   --capacity      one node's capacity: 10,000 idle sessions (--open N), then 1,000 at a voice load (--voice N) for
//                   20 s (--seconds S), against the emulator in its own process; raises the open-files limit itself
if (args is [IdleMemoryProbe.Flag, .. var probe])
{
    return await IdleMemoryProbe.RunAsync(probe);
}

if (args.Contains(LiveActors.Benchmarks.Capacity.CapacityRun.Flag))
{
    int Value(string flag, int fallback) => Array.IndexOf(args, flag) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var quickCapacity = args.Contains("--quick");
    var capacityTable = await LiveActors.Benchmarks.Capacity.CapacityRun.RunAsync(
        sessions: Value("--open", quickCapacity ? 1_000 : 10_000),
        voiceSessions: Value("--voice", quickCapacity ? 100 : 1_000),
        window: TimeSpan.FromSeconds(Value("--seconds", quickCapacity ? 5 : 20)),
        Console.Error);
    Console.WriteLine(capacityTable);
    return 0;
}

if (args.Contains(LiveActors.Benchmarks.Sessions.SessionsRun.Flag))
{
    var sessionsTable = await LiveActors.Benchmarks.Sessions.SessionsRun.RunAsync(
        sessions: args.Contains("--quick") ? 200 : 1_000, messages: args.Contains("--quick") ? 500 : 2_000, Console.Error);
    Console.WriteLine(sessionsTable);
    return 0;
}

var quick = args.Contains("--quick");
var scenarioIndex = Array.IndexOf(args, "--scenario");
var only = scenarioIndex >= 0 && scenarioIndex + 1 < args.Length ? args[scenarioIndex + 1] : null;
if (only is not null)
{
    args = [.. args.Where((_, i) => i != scenarioIndex && i != scenarioIndex + 1), "--side-by-side"];
}

var micro = !args.Contains("--side-by-side");
var sideBySide = !args.Contains("--micro");
var rest = args.Where(a => a is not ("--quick" or "--micro" or "--side-by-side")).ToArray();

if (sideBySide)
{
    var table = await SideBySideRun.RunAsync(quick ? HarnessSize.Quick : HarnessSize.Full, only, Console.Error);
    Console.WriteLine();
    Console.WriteLine(table);
    var path = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "side-by-side.md");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, table);
    Console.WriteLine($"(also written to {path})");
}

if (micro)
{
    // Fixed iteration counts in this process: BenchmarkDotNet's default job raises its count to 100 on a noisy machine
    // and builds a project per benchmark, which put the full run past ten minutes. A benchmark's own BenchmarkDotNet
    // options (--job, --launchCount, ...) still apply after the --micro flag.
    var job = quick
        ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100))
        : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250));
    var config = DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));

    BenchmarkSwitcher.FromAssembly(typeof(LiveActors.Benchmarks.ParserBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
}

return 0;
