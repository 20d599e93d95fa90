using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveActors.Auth;
using LiveActors.Emulator;
using Xunit.Abstractions;

using LiveActors.Tests.Support;

namespace LiveActors.Tests.Sessions;

/// <summary>
/// Store before acknowledging, proven by crashes: a child process (LiveActors.CrashHost) hosts durable sessions on a
/// SQLite file against this test's emulator, turns on all of them at once, and prints each acknowledged sequence; it is
/// killed with SIGKILL at several points and started again on the same file. Across every run, each acknowledged turn
/// ends answered, failed or reported uncertain, none is answered twice, and no sequence of a session is handed out twice.
/// </summary>
public sealed partial class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Sessions = 3;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"live-crash-{Guid.NewGuid():N}.db");
    private LiveEmulator _emulator = null!;

    /// <summary>The last run's turns, the one each session has in flight when the test stops waiting: not lost, just not yet answered.</summary>
    private static string InFlight => $"-r{Kills}-";

    /// <summary>How many kills: 5 in CI; LIVEACTORS_CRASH_KILLS sets more for a local run.</summary>
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("LIVEACTORS_CRASH_KILLS"), out var kills) && kills > 0 ? kills : 5;

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 1 }));

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_acknowledged_turn_survives_SIGKILLs_answered_failed_or_uncertain_never_lost_duplicated_or_renumbered()
    {
        var lines = new List<string>();
        for (var run = 0; run <= Kills; run++)
        {
            await using var child = CrashHost.Start(_emulator.BaseAddress, _file, run);
            await child.WaitForAsync(line => line == "READY");
            if (run == Kills)
            {
                // The last run is not killed: it runs until every turn acknowledged before has its outcome, and a few of its own.
                await child.WaitForAsync(_ => Outcomes.Read([.. lines, .. child.Lines], InFlight).Lost.Count == 0
                    && child.Lines.Count(l => l.StartsWith("ANSWER ", StringComparison.Ordinal)) >= Sessions);
                lines.AddRange(child.Lines);
                break;
            }

            var acks = 2 + (run * 5 % 7); // a different point each time: 2, 7, 5, 3, 8, ...
            await child.WaitForAsync(_ => child.Lines.Count(l => l.StartsWith("ACK ", StringComparison.Ordinal)) >= acks);
            child.Kill(); // SIGKILL: no shutdown, no flush
            await child.ExitedAsync();
            lines.AddRange(child.Lines);
        }

        var outcomes = Outcomes.Read(lines, InFlight);
        output.WriteLine($"kills {Kills}: acknowledged {outcomes.Acknowledged}, answered {outcomes.Answered}, failed {outcomes.Failed}, uncertain {outcomes.Uncertain}, lost {outcomes.Lost.Count}, answered twice {outcomes.AnsweredTwice.Count}, sequences reused {outcomes.Reused.Count}");
        Assert.True(outcomes.Acknowledged >= Kills * 2, $"only {outcomes.Acknowledged} turns were acknowledged");
        Assert.Empty(outcomes.Reused);
        Assert.Empty(outcomes.Lost);
        Assert.Empty(outcomes.AnsweredTwice);
    }

    /// <summary>What the runs' lines say about each acknowledged turn.</summary>
    private sealed record Outcomes(int Acknowledged, int Answered, int Failed, int Uncertain, List<string> Lost, List<string> AnsweredTwice, List<string> Reused)
    {
        public static Outcomes Read(IReadOnlyList<string> lines, string inFlight)
        {
            var acked = new Dictionary<(string Id, long Sequence), string>(); // (session, sequence) -> its turn's text
            var reused = new List<string>();
            var answers = new Dictionary<string, int>(StringComparer.Ordinal);
            var failed = new Dictionary<(string Id, long Sequence), string>();
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                switch (parts[0])
                {
                    case "ACK" when parts.Length == 4:
                        var key = (parts[1], long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                        if (acked.TryGetValue(key, out var earlier) && earlier != parts[3])
                        {
                            reused.Add($"{key} for {earlier} and {parts[3]}");
                        }

                        acked[key] = parts[3];
                        break;
                    case "ANSWER" when parts.Length == 3:
                        answers[parts[2]] = answers.GetValueOrDefault(parts[2]) + 1;
                        break;
                    case "FAILED" when parts.Length == 4:
                        failed[(parts[1], long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))] = parts[3];
                        break;
                }
            }

            var lost = acked.Where(a => !answers.ContainsKey(a.Value) && !failed.ContainsKey(a.Key) && !a.Value.Contains(inFlight, StringComparison.Ordinal))
                .Select(a => $"{a.Key} {a.Value}").ToList();
            var answered = acked.Count(a => answers.ContainsKey(a.Value));
            var uncertain = acked.Count(a => !answers.ContainsKey(a.Value) && failed.GetValueOrDefault(a.Key) == "delivery_uncertain");
            return new Outcomes(acked.Count, answered, acked.Count - answered - uncertain - lost.Count, uncertain, lost,
                [.. answers.Where(a => a.Value > 1).Select(a => a.Key)], reused);
        }
    }

    /// <summary>LiveActors.CrashHost as a child process: its output lines as they come, SIGKILL, its exit.</summary>
    private sealed class CrashHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _changed = new(0);

        private CrashHost(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (_gate)
                    {
                        _lines.Add(line);
                    }

                    _changed.Release();
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => _changed.Release(); // a waiter sees the exit at once
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (_gate)
                    {
                        _lines.Add("STDERR " + line);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return [.. _lines];
                }
            }
        }

        public static CrashHost Start(Uri emulator, string file, int run)
        {
            var start = new ProcessStartInfo
            {
                FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet",
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "LiveActors.CrashHost.dll"), emulator.ToString(), file, $"{run}", $"{Sessions}"])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in (string[])[LiveEnvironmentVariables.GeminiApiKey, LiveEnvironmentVariables.GoogleApiKey, LiveEnvironmentVariables.VertexAccessToken])
            {
                start.Environment.Remove(name);
            }

            return new CrashHost(Process.Start(start) ?? throw new InvalidOperationException("the crash host did not start"));
        }

        /// <summary>Waits until <paramref name="done"/> holds for a line printed (or already printed); fails past the hang guard or if the child exits.</summary>
        public async Task WaitForAsync(Func<string, bool> done)
        {
            using var guard = new CancellationTokenSource(HangGuard);
            while (true)
            {
                if (Lines.Any(done))
                {
                    return;
                }

                Assert.False(_process.HasExited, "the crash host exited: " + string.Join('\n', Lines.TakeLast(5)));
                await _changed.WaitAsync(guard.Token); // a new line, or the guard
            }
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async Task ExitedAsync()
        {
            using var guard = new CancellationTokenSource(HangGuard);
            await _process.WaitForExitAsync(guard.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _changed.Dispose();
        }
    }
}
