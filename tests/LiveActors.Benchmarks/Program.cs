using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/LiveActors.Benchmarks -- [--quick] [BenchmarkDotNet options, e.g. --filter *Parser*]
// --quick trades precision for time: a short job run in this process (no per-benchmark build); without it
// BenchmarkDotNet's defaults apply.
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance));
}

if (rest.Length == 0)
{
    rest = ["--filter", "*"];
}

BenchmarkSwitcher.FromAssembly(typeof(LiveActors.Benchmarks.ParserBenchmarks).Assembly).Run(rest, config);
