using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveActors.Host;

/// <summary>
/// The host's one job, as a hosted service: start the session, hold the conversation the arguments ask for, close it
/// gracefully (also on Ctrl+C), print a telemetry summary, and stop the application with the right exit code.
/// </summary>
internal sealed class Conversation(
    HostArguments arguments,
    LiveConnectionOptions options,
    HostConsole console,
    AudioInput audio,
    SessionTarget target,
    ActorSystem system,
    ILoggerFactory loggerFactory,
    IServiceProvider services,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private const int ChunkBytes = 3200; // 100 ms of 16 kHz 16-bit mono
    private const int MaxAttemptsPerTurn = 3;
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var telemetry = new TelemetrySummary();
        var printer = new SessionPrinter(console.Output, echoDeclared: arguments.Tools == HostTools.Echo, keepAudio: arguments.AudioOut is not null, transcriptsAsStatus: arguments.Transcribe);
        ILiveConnection live;
        try
        {
            live = await OpenSessionAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (LiveConnectionException e)
        {
            // Options and credentials are checked here, so nothing is printed before a mistake in them.
            console.Fail(ExitCodes.BadInput, e.Error.Message, e);
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            console.Interrupted("before the session had started.");
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The region could not start the session (its store failed, say): a failure to report, never a silent exit 0.
            console.Fail(ExitCodes.SessionFailed, $"the session could not start: {e.Message.ReplaceLineEndings(" ")}; run again with --verbose for the details.", e);
            lifetime.StopApplication();
            return;
        }

        console.Output.WriteLine(target.Description);

        // Until the session is closed, so the close shows too; a kept session is not closed, so its printer is stopped.
        using var stopPrinting = new CancellationTokenSource();
        var printing = printer.RunAsync(live, stopPrinting.Token);
        LiveConnectionException? closed = null;
        var interrupted = false;
        try
        {
            await TalkAsync(live, printer, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Only a stop signal cancels it while the conversation runs: the host stops itself only after it.
            interrupted = true;
            printer.Status("stopping");
        }
        catch (LiveConnectionException e) when (e.Error is ConnectionError.SessionClosed)
        {
            closed = e; // a consequence: if the session gave up, its reason is the line to show (below)
        }
        catch (LiveConnectionException e)
        {
            console.Fail(ExitCodes.SessionFailed, FailureAdvice.Line(e.Error), e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Whatever else ends the conversation is a failure with its line: an exception that left the service would
            // stop the host with exit 0 and nothing said.
            console.Fail(ExitCodes.SessionFailed, e.Message.ReplaceLineEndings(" "), e);
        }
        finally
        {
            var kept = arguments.Session is not null && printer.Failure is null && closed is null;
            if (kept)
            {
                // Kept, not closed: the region passivates it as the host stops, once its handle covers everything.
                await stopPrinting.CancelAsync().ConfigureAwait(false);
                await printing.ConfigureAwait(false);
                console.Output.WriteLine($"[session '{arguments.Session}' kept in {arguments.State}: run again with --session {arguments.Session} --state {arguments.State} to go on]");
            }
            else
            {
                using var closing = new CancellationTokenSource(CloseBudget);
                // A close that runs out of time sends no Closed: the printer must not wait for it past the budget.
                await using var stopWaitingForClosed = closing.Token.Register(stopPrinting.Cancel);
                await live.CloseAsync(closing.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                await printing.ConfigureAwait(false);
            }

            WriteAudio(printer);
            console.Output.WriteLine(telemetry.ToString());
            if (printer.Failure is { } failure && console.ExitCode == 0)
            {
                console.Fail(ExitCodes.SessionFailed, FailureAdvice.Line(failure.Error), exception: null);
            }
            else if (closed is not null && console.ExitCode == 0)
            {
                console.Fail(ExitCodes.SessionFailed, FailureAdvice.Line(closed.Error), closed);
            }
            else if (interrupted)
            {
                console.Interrupted(kept ? $"session '{arguments.Session}' kept in {arguments.State}." : "the session was closed.");
            }

            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// The session: this run's own, or with <c>--session</c> the one a region keeps under that id (recovered from the
    /// state file when an earlier run left it). Options and credentials are checked here, before anything is printed.
    /// </summary>
    private async Task<ILiveConnection> OpenSessionAsync(CancellationToken cancellationToken)
    {
        if (arguments.Session is not { } id)
        {
            return LiveConnection.Start(system, options, loggerFactory, "session");
        }

        var live = services.GetRequiredService<ILiveSessions>().Get(id);
        await live.GetStatusAsync(cancellationToken).ConfigureAwait(false); // starts (or recovers) it; a bad option throws here
        return live;
    }

    private void WriteAudio(SessionPrinter printer)
    {
        if (arguments.AudioOut is not { } path)
        {
            return;
        }

        if (printer.Audio.Length == 0)
        {
            console.Output.WriteLine("[no audio in the reply; nothing written]");
            return;
        }

        try
        {
            WavFile.WritePcm(path, printer.Audio, printer.AudioRate);
            console.Output.WriteLine($"[wrote {printer.Audio.Length / 2.0 / printer.AudioRate:0.00} s of {printer.AudioRate / 1000} kHz audio to {path}]");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail(ExitCodes.BadInput, $"--audio-out: {path} cannot be written: {e.Message}", e);
        }
    }

    private async Task TalkAsync(ILiveConnection live, SessionPrinter printer, CancellationToken cancellationToken)
    {
        if (audio.Pcm is { } pcm)
        {
            console.Output.WriteLine($"> ({pcm.Length / 32_000.0:0.00} s of audio from {arguments.AudioIn})");
            for (var offset = 0; offset < pcm.Length; offset += ChunkBytes)
            {
                await live.SendAsync(RealtimeInput.Pcm(pcm.AsMemory(offset, Math.Min(ChunkBytes, pcm.Length - offset))), cancellationToken).ConfigureAwait(false);
            }

            var answered = printer.BeginTurn();
            await live.SendAsync(RealtimeInput.EndOfAudioStream, cancellationToken).ConfigureAwait(false);
            await answered.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (arguments.AudioIn is null || arguments.Prompt is not null)
        {
            await TurnAsync(live, printer, arguments.Prompt ?? HostArguments.DefaultPrompt, cancellationToken).ConfigureAwait(false);
        }

        if (arguments.EmulatorFault is not null && printer.Failure is null)
        {
            await printer.FirstReconnect.WaitAsync(cancellationToken).ConfigureAwait(false);
            await TurnAsync(live, printer, "Are you still there?", cancellationToken).ConfigureAwait(false);
        }

        if (console.Interactive)
        {
            console.Output.WriteLine("[type a line for each turn; an empty line or Ctrl+C ends the session]");
            while (printer.Failure is null && await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } line)
            {
                await TurnAsync(live, printer, line, cancellationToken, echo: false).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The next line of input. Console reads block and ignore cancellation, so the read runs on its own and only the
    /// wait for it is cancelled: Ctrl+C closes the session at once instead of after the next Enter.
    /// </summary>
    private Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(console.Input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    private async Task TurnAsync(ILiveConnection live, SessionPrinter printer, string text, CancellationToken cancellationToken, bool echo = true)
    {
        if (echo)
        {
            console.Output.WriteLine($"> {text}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var answered = printer.BeginTurn();
            await live.SendAsync(ClientContent.UserText(text), cancellationToken).ConfigureAwait(false);
            if (await answered.WaitAsync(cancellationToken).ConfigureAwait(false) != TurnOutcome.CutOff || attempt == MaxAttemptsPerTurn)
            {
                return;
            }

            // A drop cut the turn off: the server may never have had the prompt (SendFailed says so), so this
            // application chooses to ask again once the session is back.
            await printer.NextReconnect.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (printer.Failure is not null)
            {
                return; // the session gave up instead of coming back
            }

            printer.Status("asking again");
        }
    }
}
