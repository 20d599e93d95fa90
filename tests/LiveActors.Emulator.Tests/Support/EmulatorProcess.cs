using System.Diagnostics;

namespace LiveActors.Emulator.Tests.Support;

/// <summary>The emulator run as its own process, the way tools outside .NET use it.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private EmulatorProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync(); // read from the start: a full pipe would block the process
    }

    public StreamReader Output => _process.StandardOutput;

    /// <summary>Everything the process wrote to stderr, once it has exited.</summary>
    public Task<string> ErrorsAsync() => _errors;

    public static EmulatorProcess Start(params string[] args)
    {
        InterruptSignal.StopIgnoring();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(LiveEmulator).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new EmulatorProcess(Process.Start(info) ?? throw new InvalidOperationException("The emulator process did not start."));
    }

    /// <summary>Sends <paramref name="signal"/> (TERM or INT) to the process, as a service manager or Ctrl+C would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> ExitCodeAsync()
    {
        using var patience = new CancellationTokenSource(WireClient.Patience);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            Assert.Fail($"The emulator did not exit within {WireClient.Patience.TotalSeconds} s; it wrote to stderr: {await _errors}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
