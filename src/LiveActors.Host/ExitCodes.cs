namespace LiveActors.Host;

/// <summary>The host's exit codes, one place for the code that sets them and the help that lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The conversation ran and the session closed.</summary>
    public const int Done = 0;

    /// <summary>The session failed: it gave up reconnecting, or the service ended it with an error.</summary>
    public const int SessionFailed = 1;

    /// <summary>Bad options, credentials or files (an unreadable --audio-in, an unwritable --audio-out).</summary>
    public const int BadInput = 2;

    /// <summary>A bad command line (EX_USAGE).</summary>
    public const int Usage = 64;

    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Done, "the conversation ran and the session closed"),
        (SessionFailed, "the session failed: it gave up reconnecting, or the service ended it with an error"),
        (BadInput, "bad options, credentials or files (--audio-in, --audio-out)"),
        (Usage, "a bad command line"),
    ];
}
