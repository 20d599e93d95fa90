namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>How both hand-written contenders act on a parsed server message: readiness, resumes, the newest handle, tallies.</summary>
internal sealed class WireSessionState
{
    private bool _readyBefore;

    public SessionProgress Progress { get; } = new();

    /// <summary>The newest resumption handle, for the setup after a drop.</summary>
    public string? Handle { get; private set; }

    public void Apply(WireServerMessage message)
    {
        if (message.SetupComplete is not null)
        {
            Progress.SetupComplete();
            if (_readyBefore)
            {
                Progress.Resumed();
            }

            _readyBefore = true;
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
}
