using System.Diagnostics;
using LiveActors.Auth;

namespace LiveActors.Tests.Cluster;

/// <summary>
/// A node of the sharded region as a child process (LiveActors.CrashHost --cluster): its output lines as they come,
/// SIGKILL, its exit. Its stdin stays open while the test holds it, so the node exits on its own if the test dies.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data is { } line ? "STDERR " + line : null);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _changed.Release(); // a waiter sees the exit at once
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The node's cluster address, once it printed READY; null before.</summary>
    public string? Address => Lines.FirstOrDefault(l => l.StartsWith("READY ", StringComparison.Ordinal))?["READY ".Length..];

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

    /// <summary>When the process started.</summary>
    public DateTime Started => _process.StartTime;

    /// <summary>Starts a node that joins the cluster at <paramref name="seed"/> (<see cref="ReadyAsync"/> waits until it is up there).</summary>
    public static NodeProcess Start(Uri emulator, string stateFile, string seed)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "LiveActors.CrashHost.dll"), "--cluster", emulator.ToString(), stateFile, seed])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in (string[])[LiveEnvironmentVariables.GeminiApiKey, LiveEnvironmentVariables.GoogleApiKey, LiveEnvironmentVariables.VertexAccessToken])
        {
            start.Environment.Remove(name);
        }

        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("the node did not start"));
    }

    /// <summary>Waits until the node is up in the cluster (it printed READY).</summary>
    public Task ReadyAsync() => WaitForAsync(() => Address is not null);

    /// <summary>SIGKILL: no leaving, no hand-off, no flush; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
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

    /// <summary>Waits until <paramref name="done"/> holds after a line; fails past the hang guard or if the node exits.</summary>
    private async Task WaitForAsync(Func<bool> done)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!done())
        {
            Assert.False(_process.HasExited, "the node exited: " + string.Join('\n', Lines.TakeLast(5)));
            await _changed.WaitAsync(guard.Token); // a new line, the exit, or the guard
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
        }

        _changed.Release();
    }
}
