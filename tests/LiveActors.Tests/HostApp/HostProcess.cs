using System.Diagnostics;
using System.Text;
using LiveActors.Auth;
using Xunit.Abstractions;

namespace LiveActors.Tests.HostApp;

/// <summary>
/// The host as a child process (<c>dotnet LiveActors.Host.dll ARGS</c>, the build beside this test assembly), with no
/// credentials but the ones a test gives: its output lines as they come, a stop signal, and its exit. Every wait has a
/// hang guard, so a host that never exits fails its test instead of stalling the run.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The longest any wait on the child takes before the test calls it a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120); // generous: a machine shared by other builds starts a child slowly

    private static readonly string[] CredentialVariables =
    [
        LiveEnvironmentVariables.GeminiApiKey, LiveEnvironmentVariables.GoogleApiKey, LiveEnvironmentVariables.VertexAccessToken,
        LiveEnvironmentVariables.VertexProjectId, LiveEnvironmentVariables.GoogleCloudProject, LiveEnvironmentVariables.VertexLocation,
        LiveEnvironmentVariables.GoogleCloudLocation, LiveEnvironmentVariables.GoogleApplicationCredentials,
    ];

    private readonly Process _process;
    private readonly ITestOutputHelper _log;
    private readonly string _command;
    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly Task _reading;

    private HostProcess(Process process, ITestOutputHelper log, string command)
    {
        _process = process;
        _log = log;
        _command = command;
        _reading = Task.WhenAll(ReadAsync(process.StandardOutput, _output, watched: true), ReadAsync(process.StandardError, _error, watched: false));
    }

    /// <summary>The child's process id (setpriv, when used, becomes dotnet, which runs the host in the same process).</summary>
    public int Id => _process.Id;

    /// <summary>When the child was started, for an exit-time bound.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>
    /// Starts the host. <paramref name="apiKey"/>: the only credential it sees (null: none, so it uses the emulator unless
    /// told otherwise). <paramref name="keepInputOpen"/>: stdin stays open for <see cref="WriteLineAsync"/>, else it is
    /// closed at once. <paramref name="obeyFileModes"/>: a root test run gives up root's power over file modes for the
    /// child, so a read-only or unreadable file is one for the host as it would be for any user.
    /// </summary>
    public static HostProcess Start(ITestOutputHelper log, string[] args, string? apiKey = null, bool keepInputOpen = false, bool obeyFileModes = false)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "LiveActors.Host.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (obeyFileModes && Environment.IsPrivilegedProcess)
        {
            start.FileName = "setpriv";
            foreach (var argument in (string[])["--bounding-set", "-dac_override,-dac_read_search", "--", dotnet])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = dotnet;
        }

        start.ArgumentList.Add(host);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in CredentialVariables)
        {
            start.Environment.Remove(name);
        }

        if (apiKey is not null)
        {
            start.Environment[LiveEnvironmentVariables.GeminiApiKey] = apiKey;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the host process did not start");
        if (!keepInputOpen)
        {
            process.StandardInput.Close();
        }

        return new HostProcess(process, log, $"liveactors-host {string.Join(' ', args)}");
    }

    /// <summary>Waits for an output line that <paramref name="match"/> accepts (one already printed counts).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.ToString().Split('\n').Select(line => line.TrimEnd('\r')).FirstOrDefault(match) is { } printed)
            {
                return printed;
            }

            _waiters.Add((match, seen));
        }

        using var guard = new CancellationTokenSource(HangGuard);
        var first = await Task.WhenAny(seen.Task, _reading.WaitAsync(guard.Token));
        if (first == seen.Task)
        {
            return await seen.Task;
        }

        // The output ended (the child exited) or the guard ran out, without the line.
        throw new TimeoutException(
            $"no such line {(guard.IsCancellationRequested ? $"within {HangGuard.TotalSeconds} s" : "before the host's output ended")}; output:{Environment.NewLine}{Output}{Environment.NewLine}{Error}");
    }

    /// <summary>Writes a line to the child's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Ends the child at once, as a crash would (SIGKILL): nothing of it runs, no finally, no dispose.</summary>
    public void Crash() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the child to exit (failing the test past <see cref="HangGuard"/>): its code, output and error.</summary>
    public async Task<(int Code, string Output, string Error)> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the host did not exit within {HangGuard.TotalSeconds} s; output so far:{Environment.NewLine}{Output}{Environment.NewLine}{Error}");
        }

        await _reading.WaitAsync(guard.Token);
        Clock.Stop();
        _log.WriteLine($"{_command}: exit {_process.ExitCode} after {Clock.Elapsed.TotalSeconds:0.0} s{Environment.NewLine}{Output}{Error}");
        return (_process.ExitCode, Output, Error);
    }

    /// <summary>Everything printed on stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Everything printed on stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>A child still running when its test ends (a failed assertion, say) is ended, not left behind.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader, StringBuilder text, bool watched)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                text.Append(line).Append('\n');
                if (!watched)
                {
                    continue;
                }

                foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Seen.TrySetResult(line);
                }
            }
        }
    }
}

/// <summary>
/// Tests that run the host as a child process. They run alone, after the parallel tests, because some bound how long the
/// host takes to exit, and a child that shares two cores with a parallel test run starts too slowly to measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
