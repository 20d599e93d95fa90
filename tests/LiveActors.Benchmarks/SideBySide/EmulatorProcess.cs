using System.Diagnostics;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// The standalone emulator in a process of its own, so that its work and its memory are not counted against the
/// contenders (they share the machine's cores, as a client and a server on one host do).
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The emulator's CPU time so far (user and system).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the emulator with these <c>--fault</c> specs and waits for its "listening" line.</summary>
    public static async Task<EmulatorProcess> StartAsync(params IEnumerable<string> faults)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LiveActors.Emulator.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var fault in faults)
        {
            start.ArgumentList.Add("--fault");
            start.ArgumentList.Add(fault);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The emulator did not start: '{line}'.");
        }

        return new EmulatorProcess(process, new Uri(line["listening ".Length..]));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
