using System.Text.Json;

namespace LiveActors.Emulator.Tests;

/// <summary>How the scripted model runs a reply and awaits its tool calls, apart from any connection.</summary>
public sealed class ReplyMachineryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_tool_response_answers_the_call_it_names_and_an_interruption_takes_the_rest()
    {
        var calls = new PendingToolCalls();
        var first = calls.Await("call-1");
        var second = calls.Await("call-2");

        using var response = JsonDocument.Parse("""{"functionResponses":[{"id":"call-1","response":{"ok":true}},{"id":"unknown"},{"name":"no id"}]}""");
        calls.Answer(response.RootElement);

        Assert.Equal("""{"ok":true}""", await first.WaitAsync(Patience));
        Assert.Equal(["call-2"], calls.TakeBlocking(silently: false));
        Assert.Empty(calls.TakeBlocking(silently: false));
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task Stopping_a_reply_cuts_it_and_says_whether_its_turn_was_still_open()
    {
        var runner = new ReplyRunner(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Start(async ct =>
        {
            started.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(ct); // a reply that runs until it is stopped
        });
        await started.Task.WaitAsync(Patience);

        Assert.True(await runner.StopAsync().WaitAsync(Patience)); // cut mid-turn: there is something to interrupt
        Assert.False(await runner.StopAsync()); // nothing runs now
    }

    [Fact]
    public async Task A_reply_whose_turnComplete_is_out_is_stopped_without_an_interruption()
    {
        var runner = new ReplyRunner(CancellationToken.None);
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Start(async ct =>
        {
            runner.TurnCompleted();
            completed.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(ct); // as if waiting to send a handle
        });
        await completed.Task.WaitAsync(Patience);

        Assert.False(await runner.StopAsync().WaitAsync(Patience));
        await runner.EndAsync().WaitAsync(Patience);
    }
}
