using System.Text.Json;
using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;
using LiveActors.Models;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// The Gemini 3.x rules (PROTOCOL.md §3.2, §5.5) against an emulator that enforces them: 3.1 under the early-2026 rule
/// closes with 1007 on a mid-session clientContent and on realtime input before a promised history, and 3.x on
/// mediaChunks and a null handle. Replies are audio, their words in output transcription, as the served models answer.
/// </summary>
public sealed class ModelFamilySessionTests(ITestOutputHelper output) : SessionTestKit(output)
{
    protected override LiveEmulatorOptions EmulatorOptions => new() { ReplyChunks = 3, Gemini31Early2026 = true };

    private const string Gemini31 = "gemini-3.1-flash-live-preview";

    private static readonly IReadOnlyList<Content> History = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)];

    [Fact]
    public async Task On_gemini_3_a_user_text_turn_goes_as_realtime_text_and_is_answered()
    {
        var (session, events) = StartSession(Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026 });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("Hello")));

        var reply = Words(EventsUntil<InteractionCompleted>(events));
        Assert.Equal("Turn 1: you said \"Hello\"", reply);
        var connection = await Emulator.WaitForConnectionAsync(1);
        var turn = connection.Messages[1];
        Assert.Equal("realtimeInput", turn.Kind);
        Assert.Equal("""{"realtimeInput":{"text":"Hello"}}""", turn.Json);
        Assert.Null(connection.Violation);
        Assert.Equal(EmulatedFamily.Gemini3, connection.Family);
    }

    [Fact]
    public async Task On_gemini_3_other_client_content_is_refused_before_the_wire_and_the_session_goes_on()
    {
        var (session, events) = StartSession(Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026 });
        NextEvent<Connected>(events);

        session.Tell(new Send(new ClientContent { Turns = History, TurnComplete = true }));

        var refused = (Status.Failure)FishForMessage(m => m is Status.Failure);
        var error = Assert.IsType<UnsupportedByModel>(((LiveConnectionException)refused.Cause).Error);
        Assert.Equal("gemini-3.1-early-2026", error.Profile);
        session.Tell(new Send(ClientContent.UserText("still here?")));
        NextEvent<InteractionCompleted>(events);
        var connection = await Emulator.WaitForConnectionAsync(1);
        Assert.DoesNotContain("clientContent", connection.Messages.Select(m => m.Kind));
        Assert.Null(connection.Violation);
    }

    [Fact]
    public async Task A_1007_on_mid_session_client_content_teaches_the_session_the_early_2026_form_and_it_goes_on()
    {
        // The profile says the model takes clientContent all session; this emulator's 3.1 does not, so it closes with 1007.
        var (session, events) = StartSession(Served(Gemini31) with { ModelFamily = ModelFamily.Gemini2 });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("Hello"), Correlation: 1));
        var untilReconnected = EventsUntil<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("Hello again"), Correlation: 2));
        NextEvent<InteractionCompleted>(events);

        var disconnected = Assert.Single(untilReconnected.OfType<Disconnected>());
        Assert.Contains("1007", Assert.IsType<ConnectionFailed>(disconnected.Error).Reason, StringComparison.Ordinal);
        Assert.IsType<DeliveryUncertain>(Assert.Single(untilReconnected.OfType<SendFailed>()).Error); // written, and refused: not in the conversation
        Assert.Equal("clientContent after the initial history (or with no historyConfig)", (await Emulator.WaitForConnectionAsync(1)).Violation);
        var second = await Emulator.WaitForConnectionAsync(2);
        Assert.Null(second.Violation);
        Assert.Equal("""{"realtimeInput":{"text":"Hello again"}}""", second.Messages[^1].Json);
    }

    [Fact]
    public async Task Initial_history_goes_first_with_history_config_on_gemini_3_and_the_conversation_continues_from_it()
    {
        var (session, events) = StartSession(Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026, InitialHistory = History });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("What is my name?")));

        NextEvent<InteractionCompleted>(events);
        var connection = await Emulator.WaitForConnectionAsync(1);
        using var setup = JsonDocument.Parse(connection.Messages[0].Json);
        Assert.True(setup.RootElement.GetProperty("setup").GetProperty("historyConfig").GetProperty("initialHistoryInClientContent").GetBoolean());
        Assert.Equal(["setup", "clientContent", "realtimeInput"], connection.Messages.Select(m => m.Kind));
        JsonAssert.Equivalent(
            """{"clientContent":{"turns":[{"role":"user","parts":[{"text":"My name is Ada."}]},{"role":"model","parts":[{"text":"Hello Ada!"}]}],"turnComplete":true}}""",
            System.Text.Encoding.UTF8.GetBytes(connection.Messages[1].Json));
        Assert.Null(connection.Violation);
        Assert.Equal(["text:My name is Ada.", "text:What is my name?"], SessionLog.Describe(connection.SessionMessages));
    }

    [Fact]
    public async Task Initial_history_on_gemini_2_accumulates_without_starting_a_reply()
    {
        var (session, events) = StartSession(Served("gemini-2.5-flash-native-audio-preview-12-2025") with { InitialHistory = History });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("What is my name?")));

        var reply = Words(EventsUntil<InteractionCompleted>(events));
        Assert.Equal("Turn 1: you said \"What is my name?\"", reply);
        var connection = await Emulator.WaitForConnectionAsync(1);
        Assert.DoesNotContain("historyConfig", connection.Messages[0].Json, StringComparison.Ordinal);
        using var history = JsonDocument.Parse(connection.Messages[1].Json);
        Assert.False(history.RootElement.GetProperty("clientContent").GetProperty("turnComplete").GetBoolean());
    }

    [Fact]
    public async Task A_drop_before_the_server_showed_it_had_the_history_starts_a_new_session_that_gets_it_again()
    {
        // The handle that comes right after setupComplete predates the history: resuming with it would lose the history.
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession(Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026, InitialHistory = History });
        NextEvent<Connected>(events);

        var reconnected = NextEvent<Reconnected>(events);

        Assert.False(reconnected.Resumed);
        var second = await Emulator.WaitForConnectionAsync(2);
        await second.WaitForMessagesAsync(2).WaitAsync(Patience);
        Assert.DoesNotContain("\"handle\"", second.Messages[0].Json, StringComparison.Ordinal);
        Assert.Equal("clientContent", second.Messages[1].Kind);
        session.Tell(new Send(ClientContent.UserText("What is my name?")));
        NextEvent<InteractionCompleted>(events);
        Assert.Equal(["text:My name is Ada.", "text:What is my name?"], SessionLog.Describe(second.SessionMessages));
        Assert.Null(second.Violation);
    }

    [Fact]
    public async Task After_a_reply_proved_the_history_a_drop_resumes_and_does_not_send_it_again()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)));
        var (session, events) = StartSession(Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026, InitialHistory = History });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("first")));
        NextEvent<InteractionCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events); // issued after the reply, so it stands for a state with the history

        session.Tell(new Send(ClientContent.UserText("drop now")));

        Assert.True(NextEvent<Reconnected>(events).Resumed);
        var second = await Emulator.WaitForConnectionAsync(2);
        session.Tell(new Send(ClientContent.UserText("after")));
        NextEvent<InteractionCompleted>(events);
        Assert.DoesNotContain("clientContent", second.Messages.Select(m => m.Kind));
        Assert.DoesNotContain("historyConfig", second.Messages[0].Json, StringComparison.Ordinal);
        Assert.Null(second.Violation);
    }

    [Fact]
    public async Task Lost_tool_results_as_text_go_as_realtime_text_on_gemini_3()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var options = Served(Gemini31) with { ModelProfile = ModelProfiles.Gemini31Early2026, SessionResumption = new SessionResumptionOptions { LostToolResults = LostToolResults.AsText } };
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        var call = Assert.Single(NextEvent<ToolCallReceived>(events).Call.FunctionCalls!);
        session.Tell(Poke.Send); // the drop comes once the server has it
        NextEvent<Reconnected>(events);

        session.Tell(new Send(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement }] }));

        var reply = Words(EventsUntil<InteractionCompleted>(events));
        Assert.Contains("The result of get_weather", reply, StringComparison.Ordinal);
        var second = await Emulator.WaitForConnectionAsync(2);
        Assert.Equal(["setup", "realtimeInput"], second.Messages.Select(m => m.Kind));
        Assert.Null(second.Violation);
    }

    [Fact]
    public void On_an_extended_thinking_model_one_interaction_spans_both_turns_and_ends_at_idle()
    {
        var (session, events) = StartSession(Served("gemini-3.8-live-extended-thinking"));
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("think")));

        var interaction = EventsUntil<InteractionCompleted>(events);
        Assert.Equal(2, interaction.OfType<TurnCompleted>().Count());
        Assert.Equal(
            "Turn 1: you said \"think\"Turn 1, on reflection: still \"think\"",
            Words(interaction));
        Assert.Equal(InteractionStatuses.Idle, ((InteractionCompleted)interaction[^1]).Message.ReportedInteractionStatus);
    }

    [Fact]
    public void A_model_that_reports_interaction_status_is_followed_whatever_its_family()
    {
        // The option says gemini-3 (turnComplete ends an interaction), but the model reports interactionStatus: IDLE wins.
        var (session, events) = StartSession(Served("gemini-3.8-live-extended-thinking") with { ModelFamily = ModelFamily.Gemini3 });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("think")));

        Assert.Equal(2, EventsUntil<InteractionCompleted>(events).OfType<TurnCompleted>().Count());
    }

    [Fact]
    public void A_goAway_handover_waits_for_the_end_of_the_interaction_not_of_the_turn()
    {
        // The model is slow and resumable between its two speeches: a handover at the first turnComplete would cut the second.
        Emulator.ScriptNextConnection(
            EmulatorFault.Delay(TimeSpan.FromMilliseconds(100)),
            EmulatorFault.GoAway(FaultTrigger.AfterServerMessages(3), TimeSpan.FromSeconds(20)));
        var (session, events) = StartSession(Served("gemini-3.8-live-extended-thinking"));
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("think")));

        var interaction = EventsUntil<InteractionCompleted>(events);
        Assert.DoesNotContain(interaction, e => e is ReplyCut);
        Assert.Contains("on reflection", Words(interaction), StringComparison.Ordinal);
        Assert.True(NextEvent<Reconnected>(events).Resumed);
    }
}
