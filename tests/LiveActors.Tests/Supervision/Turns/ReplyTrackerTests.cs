using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision.Turns;

/// <summary>
/// Which turn each server frame belongs to (docs/live-api.md 4.2, 5.3): a turn's reply is model output, then
/// generationComplete, then turnComplete; interrupted ends the generation in progress; a tool call belongs to the turn
/// being generated. A frame that belongs to no open turn is reported stray and never moves the next turn: that turn's
/// reply is still put down to it, whatever came in between.
/// </summary>
public sealed class ReplyTrackerTests
{
    /// <summary>The frames the service sends out of place, by name.</summary>
    public enum Frame
    {
        Interrupted,
        GenerationComplete,
        TurnComplete,
        ToolCall,
    }

    /// <summary>Where in a turn the frame comes.</summary>
    public enum Point
    {
        /// <summary>The first turn is sent, nothing has come back on the connection yet.</summary>
        BeforeAnyReply,

        /// <summary>The first turn's reply streams.</summary>
        MidReply,

        /// <summary>The first turn completed; the second is not sent yet.</summary>
        AfterTurnCompleteBeforeTheNextSend,

        /// <summary>The first turn completed and the second is sent; its reply has not started.</summary>
        AfterTheNextSendBeforeItsReply,
    }

    private static readonly OutboundMessage First = Turn(1, "first");
    private static readonly OutboundMessage Second = Turn(2, "second");

    private static ServerMessage Chunk { get; } = new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("chunk", Roles.Model) } };

    private static ServerMessage GenerationDone { get; } = new() { ServerContent = new ServerContent { GenerationComplete = true } };

    private static ServerMessage TurnDone { get; } = new() { ServerContent = new ServerContent { TurnComplete = true } };

    private static ServerMessage Interruption { get; } = new() { ServerContent = new ServerContent { Interrupted = true } };

    private static ServerMessage Call { get; } = new() { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c", Name = "lookup" }] } };

    public static TheoryData<Frame, Point, bool> Matrix => new()
    {
        // Before any reply: no turn is open, so the end of one is stray; a tool call starts the first turn's reply.
        { Frame.Interrupted, Point.BeforeAnyReply, true },
        { Frame.GenerationComplete, Point.BeforeAnyReply, true },
        { Frame.TurnComplete, Point.BeforeAnyReply, true },
        { Frame.ToolCall, Point.BeforeAnyReply, false },

        // Mid-reply: each belongs to the first turn; what that turn then sends to end it is stray where it repeats an end.
        { Frame.Interrupted, Point.MidReply, false },
        { Frame.GenerationComplete, Point.MidReply, false },
        { Frame.TurnComplete, Point.MidReply, false },
        { Frame.ToolCall, Point.MidReply, false },

        // After turnComplete, before the next send: nothing is open and nothing was asked, so all four are stray.
        { Frame.Interrupted, Point.AfterTurnCompleteBeforeTheNextSend, true },
        { Frame.GenerationComplete, Point.AfterTurnCompleteBeforeTheNextSend, true },
        { Frame.TurnComplete, Point.AfterTurnCompleteBeforeTheNextSend, true },
        { Frame.ToolCall, Point.AfterTurnCompleteBeforeTheNextSend, true },

        // After the next send, before its reply: the ends are stray; a tool call is the next turn's reply starting.
        { Frame.Interrupted, Point.AfterTheNextSendBeforeItsReply, true },
        { Frame.GenerationComplete, Point.AfterTheNextSendBeforeItsReply, true },
        { Frame.TurnComplete, Point.AfterTheNextSendBeforeItsReply, true },
        { Frame.ToolCall, Point.AfterTheNextSendBeforeItsReply, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void A_frame_out_of_place_is_matched_to_its_own_turn_or_reported_and_the_next_turn_still_gets_its_reply(Frame frame, Point point, bool stray)
    {
        var replies = new ReplyTracker(automaticActivityDetection: true);
        replies.StartConnection();
        replies.Handed(First);
        var reported = StrayFrames.None;
        void Inject() => reported |= Receive(replies, Of(frame)).Stray;

        if (point == Point.BeforeAnyReply)
        {
            Inject();
        }

        var firstReply = Receive(replies, Chunk);
        Assert.Equal(frame == Frame.ToolCall && point == Point.BeforeAnyReply ? null : 1L, firstReply.Proven); // else the call proved it
        Assert.Equal(1, replies.CurrentSequence);
        if (point == Point.MidReply)
        {
            Inject();
        }

        var endsStray = Receive(replies, GenerationDone).Stray | Receive(replies, TurnDone).Stray;
        Assert.False(replies.InProgress);
        if (point == Point.AfterTurnCompleteBeforeTheNextSend)
        {
            Inject();
        }

        replies.Handed(Second);
        if (point == Point.AfterTheNextSendBeforeItsReply)
        {
            Inject();
        }

        var secondReply = Receive(replies, Chunk);
        var secondProven = replies.CurrentSequence;

        Assert.Equal(stray, reported != StrayFrames.None);
        Assert.Equal(frame == Frame.ToolCall && point == Point.AfterTheNextSendBeforeItsReply ? null : 2L, secondReply.Proven);
        Assert.Equal(2, secondProven); // the second turn's reply is put down to the second turn
        Assert.Same(Second, replies.Current);
        Assert.Equal(StrayFrames.None, secondReply.Stray);
        Assert.Equal(StrayFrames.None, Receive(replies, GenerationDone).Stray);
        Assert.Equal(StrayFrames.None, Receive(replies, TurnDone).Stray);
        Assert.False(replies.InProgress);
        if (point == Point.MidReply)
        {
            // The first turn's own end repeats what the frame already ended: reported, never applied to the second turn.
            Assert.Equal(frame is Frame.ToolCall ? StrayFrames.None : frame is Frame.TurnComplete ? StrayFrames.GenerationComplete | StrayFrames.TurnComplete : StrayFrames.GenerationComplete, endsStray);
        }
        else
        {
            Assert.Equal(StrayFrames.None, endsStray);
        }
    }

    [Fact]
    public void A_stray_interrupted_after_turn_complete_does_not_prove_a_turn_the_server_had_not_seen_when_it_sent_it()
    {
        // The issue: a bare interrupted after turnComplete was taken as the start of the next turn's reply, so the handle
        // that followed it (issued before the server had that turn) released the turn as delivered.
        var replies = new ReplyTracker(automaticActivityDetection: true);
        replies.StartConnection();
        replies.Handed(First);
        replies.ServerSent(Chunk);
        replies.ServerSent(TurnDone);
        replies.Handed(Second);

        Assert.Null(replies.ServerSent(Interruption));
        Assert.Equal(StrayFrames.Interrupted, replies.Stray);
        Assert.False(replies.InProgress);
        Assert.Equal(2, replies.ServerSent(Chunk));
        Assert.Equal(StrayFrames.None, replies.Stray);
    }

    [Fact]
    public void Output_with_nothing_asked_since_the_last_reply_is_reported_and_opens_no_turn()
    {
        var replies = new ReplyTracker(automaticActivityDetection: true);
        replies.StartConnection();

        Assert.Null(replies.ServerSent(Chunk));
        Assert.Equal(StrayFrames.ModelTurn, replies.Stray);
        Assert.False(replies.InProgress);
        replies.Handed(First);
        Assert.Equal(1, replies.ServerSent(Chunk));
    }

    [Fact]
    public void An_interrupted_turn_ends_with_its_turn_complete_and_a_generation_complete_after_interrupted_is_stray()
    {
        var replies = new ReplyTracker(automaticActivityDetection: true);
        replies.StartConnection();
        replies.Handed(First);
        replies.ServerSent(Chunk);

        replies.ServerSent(Interruption);
        Assert.Equal(StrayFrames.None, replies.Stray);
        Assert.True(replies.InProgress); // turnComplete follows an interruption
        replies.ServerSent(GenerationDone);
        Assert.Equal(StrayFrames.GenerationComplete, replies.Stray);
        replies.ServerSent(Interruption); // during the playback wait: still the open turn's
        Assert.Equal(StrayFrames.None, replies.Stray);
        replies.ServerSent(TurnDone);

        Assert.False(replies.InProgress);
        Assert.Equal(StrayFrames.None, replies.Stray);
    }

    [Fact]
    public void A_tool_call_after_the_generation_ended_belongs_to_no_turn_being_generated()
    {
        var replies = new ReplyTracker(automaticActivityDetection: true);
        replies.StartConnection();
        replies.Handed(First);
        replies.ServerSent(Chunk);
        replies.ServerSent(GenerationDone);
        replies.Handed(Second);

        Assert.Null(replies.ServerSent(Call));
        Assert.Equal(StrayFrames.ToolCall, replies.Stray);
        replies.ServerSent(TurnDone);
        Assert.Equal(2, replies.ServerSent(Chunk));
    }

    [Fact]
    public void On_a_model_that_speaks_twice_a_generation_complete_per_speech_belongs_to_the_interaction()
    {
        var replies = new ReplyTracker(automaticActivityDetection: true) { IdleEndsInteraction = true };
        replies.StartConnection();
        replies.Handed(First);
        replies.ServerSent(Chunk);
        replies.ServerSent(GenerationDone);
        replies.ServerSent(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true, InteractionStatus = InteractionStatuses.InProgress } });
        replies.Handed(Second);

        Assert.Null(replies.ServerSent(Chunk)); // the second speech about the first turn
        Assert.Equal(StrayFrames.None, replies.Stray);
        replies.ServerSent(GenerationDone);
        Assert.Equal(StrayFrames.None, replies.Stray);
        replies.ServerSent(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true }, InteractionStatus = InteractionStatuses.Idle });
        Assert.False(replies.InProgress);
        replies.ServerSent(Interruption);
        Assert.Equal(StrayFrames.Interrupted, replies.Stray);
        Assert.Equal(2, replies.ServerSent(Chunk));
    }

    private static (long? Proven, StrayFrames Stray) Receive(ReplyTracker replies, ServerMessage message)
    {
        var proven = replies.ServerSent(message);
        return (proven, replies.Stray);
    }

    private static ServerMessage Of(Frame frame) => frame switch
    {
        Frame.Interrupted => Interruption,
        Frame.GenerationComplete => GenerationDone,
        Frame.TurnComplete => TurnDone,
        _ => Call,
    };

    private static OutboundMessage Turn(long sequence, string text) => new(sequence, ClientContent.UserText(text), ActorRefs.Nobody, 10);
}
