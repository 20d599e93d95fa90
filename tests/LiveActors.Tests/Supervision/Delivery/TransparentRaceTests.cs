using Akka.Actor;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>
/// Transparent resumption across drops, without an actor: a turn the server's index shows it consumed, but that no reply
/// answered before the connection ended, is reported uncertain (it is in the server's state, so it never goes again);
/// what the index does not cover goes again, once. A seeded model of a server races writes, index updates, replies and
/// drops 200 times and finds no message lost silently and none twice.
/// </summary>
public sealed class TransparentRaceTests
{
    private static readonly ConnectionFailed Dropped = new("dropped");

    private static readonly SessionResumptionOptions Transparent = new()
    {
        Enabled = true,
        Transparent = true,
        UncertainMessages = UncertainDelivery.Report,
        AskAgainAfterCutReply = false,
        LostToolResults = LostToolResults.Refuse,
    };

    private static ServerMessage ReplyChunk => new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

    private static ServerMessage Interrupted => new() { ServerContent = new ServerContent { Interrupted = true } };

    private static ServerMessage TurnComplete => new() { ServerContent = new ServerContent { TurnComplete = true } };

    [Fact]
    public void A_turn_the_server_consumed_but_never_answered_is_reported_uncertain_and_not_sent_again()
    {
        var desk = Desk();
        desk.StartConnection(handshakeMessages: 1);
        var turn = Hand(desk, ClientContent.UserText("one"));
        var audio = Hand(desk, RealtimeInput.Pcm(new byte[320]));
        desk.Written(audio.Sequence);
        desk.HandleReceived(consumed: 2); // the server consumed both, and the drop comes before its reply

        var failures = desk.Settle(audio.Sequence, inFlight: null, Dropped, Calls());

        var failure = Assert.Single(failures);
        Assert.Equal(turn.Sequence, failure.Message.Sequence);
        Assert.IsType<DeliveryUncertain>(failure.Error);
        Assert.Empty(desk.StartConnection(handshakeMessages: 1));
        Assert.True(desk.IsEmpty);
    }

    [Fact]
    public void A_turn_answered_after_audio_is_done_once_the_index_covers_it()
    {
        var desk = Desk();
        desk.StartConnection(handshakeMessages: 1);
        Hand(desk, ClientContent.UserText("alpha"));
        desk.ServerSent(ReplyChunk);
        desk.ServerSent(TurnComplete);
        Hand(desk, RealtimeInput.Pcm(new byte[320]));
        Hand(desk, RealtimeInput.Pcm(new byte[320]));
        var beta = Hand(desk, ClientContent.UserText("beta"));
        desk.ServerSent(ReplyChunk); // beta's reply, though audio came between (the cautious evidence puts it down to the audio)
        desk.ServerSent(TurnComplete);
        desk.HandleReceived(consumed: 4);

        Assert.True(desk.IsEmpty);
        Assert.Empty(desk.Settle(beta.Sequence, inFlight: null, Dropped, Calls()));
    }

    [Fact]
    public void Turns_a_newer_turn_cut_short_are_done_once_the_index_covers_it_and_only_the_newest_may_be_reported()
    {
        var desk = Desk();
        desk.StartConnection(handshakeMessages: 1);
        var one = Hand(desk, ClientContent.UserText("one"));
        Hand(desk, RealtimeInput.Pcm(new byte[320])); // the emulator cuts a reply short for audio too
        var two = Hand(desk, ClientContent.UserText("two"));
        var three = Hand(desk, ClientContent.UserText("three"));
        desk.Written(three.Sequence);
        foreach (var _ in new[] { one, two })
        {
            desk.ServerSent(Interrupted); // cut before any output: no reply of their own, and no evidence either
            desk.ServerSent(TurnComplete);
        }

        desk.ServerSent(ReplyChunk); // three's reply, for all the client can tell one's
        desk.ServerSent(TurnComplete);
        desk.HandleReceived(consumed: 4);

        Assert.Equal(0, desk.UnconfirmedCount); // the server has them all
        Assert.Equal(1, desk.OnConnection); // three: its reply may have been one's, so it may still be coming
        var failure = Assert.Single(desk.Settle(three.Sequence, inFlight: null, Dropped, Calls()));
        Assert.Equal(three.Sequence, failure.Message.Sequence);
    }

    [Fact]
    public void The_next_reply_answers_the_newest_consumed_turn()
    {
        var desk = Desk();
        desk.StartConnection(handshakeMessages: 1);
        Hand(desk, ClientContent.UserText("one"));
        var two = Hand(desk, ClientContent.UserText("two"));
        desk.Written(two.Sequence);
        desk.ServerSent(ReplyChunk);
        desk.ServerSent(TurnComplete);
        desk.HandleReceived(consumed: 2); // two is consumed; the reply may have been one's

        desk.ServerSent(ReplyChunk); // a reply that starts after the index covered two is two's, or a later turn's

        Assert.True(desk.IsEmpty);
    }

    [Fact]
    public void Two_hundred_seeded_races_of_writes_index_updates_replies_and_drops_lose_nothing_silently_and_send_nothing_twice()
    {
        var totals = new int[5];
        for (var run = 0; run < 200; run++)
        {
            var outcome = new TransparentServerModel(new Random(20261207 + run), Desk(), Calls()).Run(messages: 24);
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += outcome[i];
            }
        }

        Assert.True(totals[0] > 100, $"only {totals[0]} drops"); // the races happened
        Assert.True(totals[1] > 0, "no consumed turn was left unanswered at a drop");
        Assert.True(totals[2] > 0, "nothing was replayed");
        Assert.True(totals[4] > 0, "no turn was superseded");
    }

    private static DeliveryDesk Desk() =>
        new(new LiveConnectionOptions { Model = "gemini-2.5-flash", ApiKey = "test-key", SessionResumption = Transparent }, idleEndsInteraction: false);

    private static ToolCallPlanner Calls() => new(new ModelRules(new LiveConnectionOptions { Model = "gemini-2.5-flash" }), LostToolResults.Refuse);

    private static OutboundMessage Hand(DeliveryDesk desk, ClientMessage message)
    {
        var accepted = desk.Accept(message, ActorRefs.Nobody, ClientMessageSize.Of(message), null);
        desk.PutOnConnection(accepted);
        desk.Handed(accepted);
        return accepted;
    }
}
