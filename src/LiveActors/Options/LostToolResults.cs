namespace LiveActors.Options;

/// <summary>What the session does with a <c>toolResponse</c> for calls lost with a connection (docs/live-api.md 5.3).</summary>
public enum LostToolResults
{
    /// <summary>Refuse it with <c>ToolCallLost</c>: nothing reaches the model. HOCON <c>refuse</c>.</summary>
    Refuse,

    /// <summary>
    /// Send the results as a user turn in text instead ("The result of lookup, called before the connection was lost:
    /// ..."), so the model can still use them. HOCON <c>as-text</c>.
    /// </summary>
    AsText,
}
