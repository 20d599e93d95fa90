using System.Text;
using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Facade;

/// <summary>
/// The model's answer to one <see cref="ILiveConnection.AskAsync"/>: the session's events from the send to the end
/// (<see cref="End"/> says which end), with what users read most taken out of them.
/// </summary>
/// <param name="Sequence">The sequence the session gave the message that was sent.</param>
/// <param name="End">Why the answer is over.</param>
/// <param name="Events">Every event from the send to the end, the last one included.</param>
public sealed record LiveReply(long Sequence, LiveReplyEnd End, IReadOnlyList<Live.Event> Events)
{
    /// <summary>The model's text, its thoughts left out, in order.</summary>
    public string Text => string.Concat(Events.OfType<ModelTurnReceived>().SelectMany(t => t.Turn.Parts ?? [])
        .Where(p => p.Thought != true).Select(p => p.Text));

    /// <summary>The model's audio (PCM at 24 kHz as the service sends it), every chunk joined; empty when it spoke none.</summary>
    public byte[] Audio
    {
        get
        {
            var chunks = Events.OfType<ModelTurnReceived>().SelectMany(t => t.Turn.Parts ?? []).Select(p => p.InlineData).OfType<Blob>().ToList();
            var audio = new byte[chunks.Sum(c => c.Data.Length)];
            var offset = 0;
            foreach (var chunk in chunks)
            {
                chunk.Data.Span.CopyTo(audio.AsSpan(offset));
                offset += chunk.Data.Length;
            }

            return audio;
        }
    }

    /// <summary>The transcript of the model's audio, when output transcription is on.</summary>
    public string Transcript
    {
        get
        {
            var text = new StringBuilder();
            foreach (var transcription in Events.OfType<TranscriptionReceived>().Where(t => t.Source == TranscriptionSource.Output))
            {
                text.Append(transcription.Transcription.Text);
            }

            return text.ToString();
        }
    }

    /// <summary>The functions the model asked for (when <see cref="End"/> is <see cref="LiveReplyEnd.ToolCall"/>): answer them with AskAsync(toolResponse).</summary>
    public IReadOnlyList<FunctionCall> ToolCalls => [.. Events.OfType<ToolCallReceived>().SelectMany(c => c.Call.FunctionCalls ?? [])];

    /// <summary>The last token counts the server reported during the answer, if any.</summary>
    public UsageMetadata? Usage => Events.OfType<UsageReported>().LastOrDefault()?.Usage;

    /// <summary>Prints the sequence, the end, and the text or the audio's size; never the events themselves.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Sequence = ").Append(Sequence).Append(", End = ").Append(End);
        var audio = Events.OfType<ModelTurnReceived>().Sum(t => t.Audio.Length);
        _ = audio > 0 ? builder.Append(", Audio = ").Append(audio).Append(" bytes") : builder.Append(", Text = \"").Append(Text).Append('"');
        if (ToolCalls.Count > 0)
        {
            builder.Append(", ToolCalls = ").Append(string.Join(", ", ToolCalls.Select(c => c.Name)));
        }

        return true;
    }

    /// <summary>Why the answer is incomplete: the drop that cut it, the send's failure, or how the session ended; null when it completed.</summary>
    public ConnectionError? Error => Events.Count == 0 ? null : Events[^1] switch
    {
        ReplyCut cut => cut.Cause,
        SendFailed failed => failed.Error,
        GaveUp gaveUp => gaveUp.Error,
        Live.Closed => ConnectionError.SessionClosed.Instance,
        _ => null,
    };
}
