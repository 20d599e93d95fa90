using LiveActors.Protocol;
using LiveActors.Supervision.Turns;

namespace LiveActors.Tests.Supervision.Turns;

/// <summary>The conversation kept to seed a new server session: answered exchanges only, bounded, text or transcription.</summary>
public sealed class TranscriptTests
{
    private static ServerMessage Reply(string? text = null, string? spoken = null, bool done = true) => new()
    {
        ServerContent = new ServerContent
        {
            ModelTurn = text is null ? null : new Content { Role = Roles.Model, Parts = [new Part { Text = text }] },
            OutputTranscription = spoken is null ? null : new Transcription { Text = spoken },
            TurnComplete = done ? true : null,
        },
    };

    private static IEnumerable<string?> Texts(Transcript transcript) => transcript.Turns.Select(turn => $"{turn.Role}:{turn.Parts![0].Text}");

    [Fact]
    public void An_answered_text_turn_is_kept_as_a_user_and_a_model_turn()
    {
        var transcript = new Transcript(5);

        transcript.Sent(ClientContent.UserText("hi"));
        transcript.Heard(Reply("Hel", done: false));
        transcript.Heard(Reply("lo"));

        Assert.Equal(["user:hi", "model:Hello"], Texts(transcript));
    }

    [Fact]
    public void An_audio_reply_is_kept_as_its_output_transcription_and_realtime_text_counts_as_the_user_s()
    {
        var transcript = new Transcript(5);

        transcript.Sent(RealtimeInput.FromText("hi"));
        transcript.Heard(Reply(spoken: "Hello "));
        transcript.Heard(Reply(spoken: "there"));

        Assert.Equal(["user:hi", "model:Hello "], Texts(transcript));
    }

    [Fact]
    public void A_turn_still_waiting_for_its_reply_is_not_kept_so_it_is_never_both_seeded_and_replayed()
    {
        var transcript = new Transcript(5);

        transcript.Sent(ClientContent.UserText("unanswered"));
        transcript.Sent(RealtimeInput.Pcm(new byte[320]));

        Assert.Empty(transcript.Turns);
    }

    [Fact]
    public void Only_the_last_exchanges_are_kept_and_0_keeps_none()
    {
        var transcript = new Transcript(2);
        var none = new Transcript(0);
        for (var i = 1; i <= 3; i++)
        {
            transcript.Sent(ClientContent.UserText($"q{i}"));
            transcript.Heard(Reply($"a{i}"));
            none.Sent(ClientContent.UserText($"q{i}"));
            none.Heard(Reply($"a{i}"));
        }

        Assert.Equal(["user:q2", "model:a2", "user:q3", "model:a3"], Texts(transcript));
        Assert.Empty(none.Turns);
    }
}
