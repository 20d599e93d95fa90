using System.Diagnostics;
using LiveActors.Benchmarks.SideBySide.Contenders;
using LiveActors.Benchmarks.SideBySide.Scenarios;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// The side-by-side harness: every scenario against every contender, in rounds (a warm-up round, then the measured
/// ones), the contenders' order rotating each round so that none always runs first; then the markdown report.
/// </summary>
internal static class SideBySideRun
{
    /// <summary>The five contenders, in the table's column order: the three references, then LiveActors through its two APIs.</summary>
    public static IContender[] Contenders() =>
        [HandWrittenContender.Typed(), new WebsocketClientContender(), HandWrittenContender.Lean(), new ActorContender(), new FacadeContender()];

    public static async Task<string> RunAsync(HarnessSize size, string? only, TextWriter progress)
    {
        var contenders = Contenders();
        Scenario[] all =
        [
            new DownstreamTextScenario(size.TextChunks),
            new DownstreamAudioScenario(size.AudioChunks),
            new UpstreamAudioScenario(),
            new TurnLatencyScenario(),
            new IdleMemoryScenario(),
            new DropToResumedScenario(size.Repetitions),
        ];
        var scenarios = all.Where(s => only is null || s.GetType().Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
        var results = new Dictionary<(Metric, string), List<double>>();
        try
        {
            await Task.WhenAll(scenarios.Select(s => s.StartAsync())).ConfigureAwait(false);
            for (var round = 0; round <= size.Repetitions; round++)
            {
                var started = Stopwatch.GetTimestamp();
                var roundSize = round == 0 ? HarnessSize.WarmUp : size;
                foreach (var scenario in scenarios)
                {
                    for (var i = 0; i < contenders.Length; i++)
                    {
                        var contender = contenders[(i + round) % contenders.Length];
                        var values = await scenario.RunAsync(contender, roundSize).ConfigureAwait(false);
                        foreach (var (metric, value) in values.Where(_ => round > 0))
                        {
                            (results.TryGetValue((metric, contender.Name), out var list) ? list : results[(metric, contender.Name)] = []).Add(value);
                        }
                    }
                }

                await progress.WriteLineAsync($"side-by-side: {(round == 0 ? "warm-up" : $"round {round}/{size.Repetitions}")} took {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s")
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var scenario in all)
            {
                await scenario.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var contender in contenders)
            {
                await contender.DisposeAsync().ConfigureAwait(false);
            }
        }

        return Report.Markdown([.. contenders.Select(c => c.Name)], results, size);
    }
}
