using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>A session started from a handle stored from an earlier one: the conversation goes on, or starts afresh once.</summary>
public sealed class StoredHandleTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void A_session_started_from_a_stored_handle_goes_on_with_that_conversation()
    {
        var (first, events) = StartSession();
        NextEvent<Connected>(events);
        first.Tell(new Send(ClientContent.UserText("remember me")));
        NextEvent<TurnCompleted>(events);
        var handle = NextEvent<SessionResumptionUpdated>(events, u => u.Update is { Resumable: true, NewHandle: not null }).Update.NewHandle!;
        first.Tell(Close.Instance);
        NextEvent<Closed>(events);

        var (second, later) = StartSession(Options.ResumingFrom(handle));

        Assert.True(NextEvent<Connected>(later).Resumed);
        second.Tell(new Send(ClientContent.UserText("still there?")));
        Assert.Equal("Turn 2: you said \"still there?\"", ReplyText(later));
    }

    [Fact]
    public void A_refused_stored_handle_gives_ResumptionRefused_and_one_fresh_session()
    {
        var (session, events) = StartSession(Options.ResumingFrom("a-handle-the-server-never-issued"));

        var seen = EventsUntil<Connected>(events);

        Assert.IsType<ConnectionError.ServerClosed>(Assert.Single(seen.OfType<ResumptionRefused>()).Error);
        Assert.False(((Connected)seen[^1]).Resumed);
        session.Tell(new Send(ClientContent.UserText("hello")));
        Assert.Equal("Turn 1: you said \"hello\"", ReplyText(events));
        Assert.Equal(2, Emulator.Connections.Count);
    }

    [Fact]
    public void A_stored_handle_is_never_printed_and_needs_resumption_on()
    {
        var options = Options.ResumingFrom("secret-handle-value");

        Assert.DoesNotContain("secret-handle-value", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-handle-value", options.SessionResumption.ToString(), StringComparison.Ordinal);
        var off = options with { SessionResumption = options.SessionResumption with { Enabled = false } };
        Assert.Equal("SessionResumption.Handle", Assert.IsType<ConnectionError.InvalidOption>(Assert.Single(off.Validate())).Option);
        Assert.Single((options with { SessionResumption = options.SessionResumption with { Handle = " " } }).Validate());
    }

    private static string ReplyText(Akka.TestKit.TestProbe events) =>
        string.Concat(EventsUntil<TurnCompleted>(events).OfType<ModelTurnReceived>().Select(chunk => chunk.Text));
}
