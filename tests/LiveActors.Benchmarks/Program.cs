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
if (args is [IdleMemoryProbe.Flag, .. var probe])
{
    return await IdleMemoryProbe.RunAsync(probe);
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
    var config = DefaultConfig.Instance;
    if (quick)
    {
        config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithIterationTime(TimeInterval.FromMilliseconds(100)).WithToolchain(InProcessEmitToolchain.Instance));
    }

    BenchmarkSwitcher.FromAssembly(typeof(LiveActors.Benchmarks.ParserBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
}

return 0;
