using System.Text.Json;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Facade;

/// <summary>The facade's per-turn helper: one call, one answer, whatever ends it.</summary>
public sealed class AskTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task An_answer_is_every_event_up_to_the_end_of_the_interaction()
    {
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);

        var reply = await live.AskAsync("hello", stop.Token);

        Assert.Equal(LiveReplyEnd.Completed, reply.End);
        Assert.Equal("Turn 1: you said \"hello\"", reply.Text);
        Assert.IsType<InteractionCompleted>(reply.Events[^1]);
        Assert.NotNull(reply.Usage);
        Assert.Null(reply.Error);
        Assert.Equal(1, reply.Sequence);
        Assert.Equal("LiveReply { Sequence = 1, End = Completed, Text = \"Turn 1: you said \"hello\"\" }", reply.ToString());
    }

    [Fact]
    public async Task Asking_leaves_the_early_events_to_the_first_enumeration()
    {
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);
        await live.AskAsync("hello", stop.Token);

        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<Connected>(events.Current);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task On_an_extended_thinking_model_one_answer_spans_its_two_speeches()
    {
        var live = LiveConnection.Start(Sys, Served("gemini-3.8-live-extended-thinking"));
        using var stop = new CancellationTokenSource(Patience);

        var reply = await live.AskAsync("think", stop.Token);

        Assert.Equal(LiveReplyEnd.Completed, reply.End);
        Assert.Equal("Turn 1: you said \"think\"Turn 1, on reflection: still \"think\"", reply.Transcript);
    }

    [Fact]
    public async Task A_tool_call_ends_the_answer_and_asking_with_the_result_gets_the_rest()
    {
        var live = LiveConnection.Start(Sys, Served("gemini-3.1-flash-live-preview"));
        using var stop = new CancellationTokenSource(Patience);

        var asked = await live.AskAsync("tool:get_weather {\"city\":\"Paris\"}", stop.Token);
        var call = Assert.Single(asked.ToolCalls);
        var rest = await live.AskAsync(
            new ToolResponse { FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement }] },
            stop.Token);

        Assert.Equal(LiveReplyEnd.ToolCall, asked.End);
        Assert.Equal(LiveReplyEnd.Completed, rest.End);
        Assert.Equal("Turn 1: get_weather returned {\"sky\":\"sunny\"}", rest.Transcript);
    }

    [Fact]
    public async Task A_drop_that_cuts_the_reply_ends_the_answer_with_its_cause()
    {
        // Slow replies, and a drop once the poke (sent at the reply's first chunk) has arrived: the reply is cut mid-stream.
        Emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);
        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var asking = live.AskAsync("hello", stop.Token);
        while (await events.MoveNextAsync() && events.Current is not ModelTurnReceived)
        {
        }

        await live.SendAsync(Poke.Send.Message, stop.Token);
        var reply = await asking;

        Assert.Equal(LiveReplyEnd.Cut, reply.End);
        Assert.IsType<ConnectionFailed>(reply.Error);
        Assert.StartsWith("Turn 1", reply.Text, StringComparison.Ordinal);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task A_message_the_model_does_not_take_throws_and_nothing_waits()
    {
        var live = LiveConnection.Start(Sys, Options with { Model = "gemini-3.1-flash-live-preview", ModelProfile = global::LiveActors.Models.ModelProfiles.Gemini31Early2026 });
        using var stop = new CancellationTokenSource(Patience);

        var refused = await Assert.ThrowsAsync<LiveConnectionException>(() =>
            live.AskAsync(new ClientContent { Turns = [Content.FromText("a"), Content.FromText("b", Roles.Model)], TurnComplete = true }, stop.Token));

        Assert.IsType<UnsupportedByModel>(refused.Error);
        Assert.Equal(LiveReplyEnd.Completed, (await live.AskAsync("still there?", stop.Token)).End);
    }
}
