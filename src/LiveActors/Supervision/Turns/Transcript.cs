using LiveActors.Protocol;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// The conversation so far, as a new server session needs it when the session cannot resume (docs/live-api.md 4.5, 5.3):
/// the last answered exchanges, each the user's text and the model's reply (its text, or the output transcription of
/// its audio), as turns with roles. Only answered exchanges are kept: a turn still waiting for its reply is the
/// delivery rules' to replay or report, so it is never both seeded and sent again. Memory is bounded by
/// <c>reseed-exchanges</c>; each frame costs constant work.
/// </summary>
internal sealed class Transcript(int maxExchanges)
{
    private readonly Queue<(Content User, Content Model)> _exchanges = new();
    private readonly System.Text.StringBuilder _asked = new();
    private readonly System.Text.StringBuilder _reply = new();
    private readonly System.Text.StringBuilder _spoken = new();

    /// <summary>The exchanges kept, oldest first, as user and model turns.</summary>
    public IReadOnlyList<Content> Turns => [.. _exchanges.SelectMany(exchange => new[] { exchange.User, exchange.Model })];

    /// <summary>Notes the user's text in a message the session accepted: a user text turn, as clientContent or realtime text.</summary>
    public void Sent(ClientMessage message)
    {
        var text = message switch
        {
            RealtimeInput { Text: { } realtime } => realtime,
            ClientContent { TurnComplete: true, Turns: [{ Role: Roles.User or null, Parts: { } parts }] } => string.Concat(parts.Select(part => part.Text)),
            _ => null,
        };
        if (maxExchanges > 0 && !string.IsNullOrEmpty(text))
        {
            _asked.Append(_asked.Length > 0 ? "\n" : "").Append(text);
        }
    }

    /// <summary>Notes what a server message adds to the reply, and keeps the exchange when the reply ends.</summary>
    public void Heard(ServerMessage message)
    {
        if (maxExchanges == 0 || message.ServerContent is not { } content)
        {
            return;
        }

        foreach (var part in content.ModelTurn?.Parts ?? [])
        {
            if (part is { Text: { } text, Thought: not true })
            {
                _reply.Append(text);
            }
        }

        if (content.OutputTranscription?.Text is { } spoken)
        {
            _spoken.Append(spoken);
        }

        if (content.TurnComplete == true)
        {
            Keep();
        }
    }

    private void Keep()
    {
        var reply = _reply.Length > 0 ? _reply.ToString() : _spoken.ToString();
        if (_asked.Length > 0 && reply.Length > 0)
        {
            _exchanges.Enqueue((Content.FromText(_asked.ToString(), Roles.User), Content.FromText(reply, Roles.Model)));
            if (_exchanges.Count > maxExchanges)
            {
                _exchanges.Dequeue();
            }
        }

        _asked.Clear();
        _reply.Clear();
        _spoken.Clear();
    }
}
