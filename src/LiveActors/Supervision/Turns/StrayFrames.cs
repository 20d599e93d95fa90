namespace LiveActors.Supervision.Turns;

/// <summary>
/// The parts of a server message that belong to no open turn (docs/live-api.md 5.3, "Stray interrupted / turnComplete
/// are not replies"): reported, and never applied to the next turn.
/// </summary>
[Flags]
internal enum StrayFrames
{
    /// <summary>Everything in the message belonged to a turn.</summary>
    None = 0,

    /// <summary>An <c>interrupted</c> with no turn open: nothing was being generated.</summary>
    Interrupted = 1,

    /// <summary>A <c>generationComplete</c> with no generation in progress (none open, or it had ended already).</summary>
    GenerationComplete = 2,

    /// <summary>A <c>turnComplete</c> with no turn open.</summary>
    TurnComplete = 4,

    /// <summary>A <c>toolCall</c> with no turn being generated, and no client message since the last reply that it could answer.</summary>
    ToolCall = 8,

    /// <summary>Model output with no turn open and no client message since the last reply that it could answer.</summary>
    ModelTurn = 16,
}

/// <summary>The names the stray frames are reported by.</summary>
internal static class StrayFrameNames
{
    /// <summary>The wire names of the frames in <paramref name="stray"/>, in protocol order.</summary>
    public static IEnumerable<string> Of(StrayFrames stray)
    {
        if (stray.HasFlag(StrayFrames.ModelTurn))
        {
            yield return "modelTurn";
        }

        if (stray.HasFlag(StrayFrames.ToolCall))
        {
            yield return "toolCall";
        }

        if (stray.HasFlag(StrayFrames.Interrupted))
        {
            yield return "interrupted";
        }

        if (stray.HasFlag(StrayFrames.GenerationComplete))
        {
            yield return "generationComplete";
        }

        if (stray.HasFlag(StrayFrames.TurnComplete))
        {
            yield return "turnComplete";
        }
    }
}
