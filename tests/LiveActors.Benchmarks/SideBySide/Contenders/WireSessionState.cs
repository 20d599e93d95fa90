namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// How the hand-written contenders act on what a server message says, however they read it: readiness, resumes, the
/// newest handle, tallies.
/// </summary>
internal sealed class WireSessionState
{
    private bool _readyBefore;

    public SessionProgress Progress { get; } = new();

    /// <summary>The newest resumption handle, for the setup after a drop.</summary>
    public string? Handle { get; private set; }

    /// <summary>Acts on a message parsed into <see cref="WireServerMessage"/> records (the typed clients).</summary>
    public void Apply(WireServerMessage message)
    {
        if (message.SetupComplete is not null)
        {
            SetupComplete();
        }

        if (message.SessionResumptionUpdate is { Resumable: true, NewHandle: { } handle })
        {
            Handle = handle;
        }

        if (message.ServerContent is not { } content)
        {
            return;
        }

        if (content.ModelTurn?.Parts is { } parts)
        {
            long audio = 0;
            foreach (var part in parts)
            {
                audio += part.InlineData?.Data?.Length ?? 0;
            }

            Progress.Chunk(audio);
        }

        if (content.TurnComplete == true)
        {
            Progress.TurnComplete();
        }
    }

    public void SetupComplete()
    {
        Progress.SetupComplete();
        if (_readyBefore)
        {
            Progress.Resumed();
        }

        _readyBefore = true;
    }

    public void NewHandle(string handle) => Handle = handle;
}
