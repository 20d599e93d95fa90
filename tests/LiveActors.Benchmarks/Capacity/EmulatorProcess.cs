using System.Diagnostics;

namespace LiveActors.Benchmarks.Capacity;

/// <summary>
/// The emulator in a process of its own (its built dll beside this one), so its sockets, memory and CPU are not counted
/// as the client's. Its first line says where it listens.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    /// <summary>The emulator's CPU time so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<EmulatorProcess> StartAsync(int replyChunks)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "LiveActors.Emulator.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "--port", "0", "--reply-chunks", replyChunks.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator did not start.");
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException("The emulator ended before it said where it listens.");
        return new EmulatorProcess(process, new Uri(first["listening ".Length..]));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
