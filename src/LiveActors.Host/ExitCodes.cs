namespace LiveActors.Host;

/// <summary>The host's exit codes, one place for the code that sets them and the help that lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The conversation ran and the session closed.</summary>
    public const int Done = 0;

    /// <summary>The session failed: it gave up reconnecting, or the service ended it with an error.</summary>
    public const int SessionFailed = 1;

    /// <summary>Bad input: the command line, options, credentials or files (--state, --audio-in, --audio-out).</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C (or another stop signal) after the session was closed; 128 + SIGINT, as shells count it.</summary>
    public const int Interrupted = 130;

    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Done, "the conversation ran and the session closed"),
        (SessionFailed, "the session failed: it gave up reconnecting, or the service ended it with an error"),
        (BadInput, "bad input: the command line, options, credentials or files (--state, --audio-in, --audio-out), or a session in use"),
        (Interrupted, "stopped by Ctrl+C after closing the session (a kept --session is kept, not closed)"),
    ];
}
