namespace LiveActors.Host;

/// <summary>Where the host reads and writes, and the exit code it ends with: the real console, or a test's writers.</summary>
internal sealed class HostConsole(TextWriter output, TextWriter error, TextReader input, bool interactive, bool verbose)
{
    public TextWriter Output { get; } = TextWriter.Synchronized(output);

    public TextReader Input { get; } = input;

    public bool Interactive { get; } = interactive;

    public int ExitCode { get; private set; }

    /// <summary>One line that says what went wrong (the stack trace too with --verbose); the first failure sets the exit code.</summary>
    public void Fail(int exitCode, string message, Exception? exception)
    {
        if (ExitCode == 0)
        {
            ExitCode = exitCode;
        }

        error.WriteLine($"error: {message}");
        if (verbose && exception is not null)
        {
            error.WriteLine(exception);
        }
    }

    /// <summary>A stop signal ended the conversation: one line that says what became of the session, and exit 130.</summary>
    public void Interrupted(string outcome)
    {
        if (ExitCode == 0)
        {
            ExitCode = ExitCodes.Interrupted;
            error.WriteLine($"stopped: {outcome}");
        }
    }
}
