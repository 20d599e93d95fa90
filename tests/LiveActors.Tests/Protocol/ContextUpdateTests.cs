using System.Text.Json;
using Akka.Actor;
using LiveActors.Facade;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Protocol;

/// <summary><c>contextUpdate</c> (docs/live-api.md 3.5): a typed message, a facade method, and the emulator applying it in order.</summary>
public sealed class ContextUpdateTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly Tool Lookup = new() { FunctionDeclarations = [new FunctionDeclaration { Name = "lookup" }] };

    [Fact]
    public void It_is_written_as_the_protocol_shows_and_read_back_as_itself()
    {
        var update = ContextUpdate.Instruction("Answer in French.") with { Tools = new ToolList { Tools = [new Tool { FunctionDeclarations = [] }] } };

        var json = ClientMessageSerializer.SerializeToUtf8Bytes(update);

        using var written = JsonDocument.Parse(json);
        using var expected = JsonDocument.Parse("""{"contextUpdate":{"systemInstruction":{"parts":[{"text":"Answer in French."}]},"tools":{"tools":[{"functionDeclarations":[]}]}}}""");
        Assert.True(JsonElement.DeepEquals(expected.RootElement, written.RootElement), written.RootElement.GetRawText());
        Assert.True(ClientMessageSerializer.TryDeserialize(json, out var read, out _));
        Assert.IsType<ContextUpdate>(read);
    }

    [Fact]
    public void An_empty_tool_list_is_written_so_that_it_clears_them()
    {
        Assert.Equal("""{"contextUpdate":{"tools":{"tools":[]}}}""", System.Text.Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(ContextUpdate.ClearTools)));
    }

    [Fact]
    public async Task The_server_applies_updates_in_order_with_the_turns()
    {
        var options = Options with { Setup = new Setup { SystemInstruction = Content.FromText("Be brief.", role: null), Tools = [Lookup] } };
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        var record = await Emulator.WaitForConnectionAsync(1);
        Assert.Equal("Be brief.", record.SessionInstruction);
        Assert.Equal(["lookup"], record.SessionTools);

        session.Tell(new Send(ClientContent.UserText("t1")));
        session.Tell(new Send(ContextUpdate.Instruction("Answer in French.")));
        session.Tell(new Send(ContextUpdate.ClearTools));
        session.Tell(new Send(ClientContent.UserText("t2")));
        EventsUntil<TurnCompleted>(events);
        await AwaitAssertAsync(() => Assert.Equal(["text:t1", "contextUpdate", "contextUpdate", "text:t2"], SessionLog.Describe(record.SessionMessages)));

        Assert.Equal("Answer in French.", record.SessionInstruction);
        Assert.Empty(record.SessionTools);
    }

    [Fact]
    public async Task The_facade_sends_one_with_UpdateContextAsync()
    {
        using var stop = new CancellationTokenSource(Patience);
        var live = LiveConnection.Start(Sys, Options);

        var sequence = await live.UpdateContextAsync(ContextUpdate.ReplaceTools(Lookup), stop.Token);

        var record = await Emulator.WaitForConnectionAsync(1);
        await AwaitAssertAsync(() => Assert.Equal(["lookup"], record.SessionTools));
        Assert.Equal(1, sequence);
        await live.CloseAsync(stop.Token);
    }
}
