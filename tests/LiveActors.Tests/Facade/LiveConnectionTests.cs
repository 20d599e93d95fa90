using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Dispatch;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Facade;

public sealed class LiveConnectionTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task The_facades_listener_is_part_of_the_session_and_has_its_small_mailbox()
    {
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);
        await live.GetStatusAsync(stop.Token);

        Sys.ActorSelection("/user/*").Tell(new Identify(null), TestActor);
        var cells = ReceiveN(2, Patience).Cast<ActorIdentity>().Select(id => (ActorCell)((ActorRefWithCell)id.Subject!).Underlying).ToList();

        var listener = Assert.Single(cells, cell => cell.Props.Type == typeof(LiveConnectionListener));
        Assert.IsType<SessionMessageQueue>(listener.Mailbox!.MessageQueue);
        Assert.IsType<SessionDispatcher>(Assert.Single(cells, cell => cell.Props.Type == typeof(ConnectionSupervisor)).Dispatcher);
        await live.CloseAsync(stop.Token);
    }

    [Fact]
    public async Task A_whole_session_through_the_Task_facade()
    {
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);
        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<Connected>(events.Current);
        Assert.Equal(1, await live.SendAsync(ClientContent.UserText("hello"), stop.Token));
        var texts = new List<string>();
        ServerMessage message;
        do
        {
            message = await live.ReceiveAsync(cancellationToken: stop.Token);
            texts.AddRange(message.ServerContent?.ModelTurn?.Parts?.Select(p => p.Text ?? "") ?? []);
        }
        while (message.ServerContent?.TurnComplete != true);

        Assert.Equal("Turn 1: you said \"hello\"", string.Concat(texts));
        Assert.True((await live.GetStatusAsync(stop.Token)).IsConnected);
        await live.CloseAsync(stop.Token);
        var rest = new List<Live.Event>();
        while (await events.MoveNextAsync())
        {
            rest.Add(events.Current); // the enumeration ends with the session
        }

        Assert.IsType<Closed>(rest[^1]);
        var refused = await Assert.ThrowsAsync<LiveConnectionException>(() => live.SendAsync(ClientContent.UserText("late"), stop.Token));
        Assert.Same(SessionClosed.Instance, refused.Error);
    }

    [Fact]
    public async Task Once_the_session_has_given_up_and_stopped_every_call_answers_at_once()
    {
        Emulator.ScriptNextConnection(LiveActors.Emulator.Faults.EmulatorFault.RejectUpgrade(403));
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience); // a call that waited out its ask timeout would end here
        await foreach (var @event in live.EventsAsync(stop.Token))
        {
        }

        Watch(live.Session);
        ExpectTerminated(live.Session, Patience);

        await live.CloseAsync(stop.Token); // closing what is over is done
        Assert.Same(SessionClosed.Instance, (await Assert.ThrowsAsync<LiveConnectionException>(() => live.SendAsync(ClientContent.UserText("late"), stop.Token))).Error);
        Assert.Same(SessionClosed.Instance, (await Assert.ThrowsAsync<LiveConnectionException>(() => live.GetStatusAsync(stop.Token))).Error);
        Assert.Same(SessionClosed.Instance, (await Assert.ThrowsAsync<LiveConnectionException>(() => live.ReceiveAsync(TimeSpan.FromMinutes(1), stop.Token))).Error);
        Assert.False(stop.IsCancellationRequested);
    }

    [Fact]
    public async Task The_first_enumeration_of_a_started_session_sees_Connected_even_when_it_starts_late()
    {
        var live = LiveConnection.Start(Sys, Options);
        using var stop = new CancellationTokenSource(Patience);
        await AwaitAssertAsync(async () => Assert.True((await live.GetStatusAsync(stop.Token)).IsConnected), Patience);
        await live.SendAsync(ClientContent.UserText("early"), stop.Token);
        await AwaitAssertAsync(async () => Assert.NotEmpty(await live.ReceiveAllAsync(stop.Token)), Patience);

        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<Connected>(events.Current);
        var second = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = second.MoveNextAsync();
        await live.SendAsync(ClientContent.UserText("now"), stop.Token);
        Assert.True(await next);
        Assert.IsNotType<Connected>(second.Current); // later enumerations see events from their start on
        await live.CloseAsync(stop.Token);
    }

    [Fact]
    public async Task A_facade_that_sends_first_and_enumerates_after_sees_the_whole_reply()
    {
        var (session, events) = StartSession();
        NextEvent<SessionResumptionUpdated>(events);
        var live = new LiveConnection(Sys, session);
        using var stop = new CancellationTokenSource(Patience);
        await live.SendAsync(ClientContent.UserText("first"), stop.Token);
        NextEvent<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events); // published after the turn, so the whole turn reached the facade too

        var seen = new List<Live.Event>();
        await foreach (var @event in live.EventsAsync(stop.Token))
        {
            seen.Add(@event);
            if (@event is TurnCompleted)
            {
                break;
            }
        }

        Assert.IsType<ModelTurnReceived>(seen[0]);
        Assert.Equal("Turn 1: you said \"first\"", string.Concat(seen.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_enumeration_started_after_the_session_ended_ends_at_once(bool actorStopped)
    {
        var live = LiveConnection.Start(Sys, Options);
        using var patience = new CancellationTokenSource(Patience);
        await live.CloseAsync(patience.Token);
        if (actorStopped)
        {
            Watch(live.Session);
            Sys.Stop(live.Session);
            ExpectTerminated(live.Session, Patience);
        }

        var seen = new List<Live.Event>();
        await foreach (var @event in live.EventsAsync(patience.Token))
        {
            seen.Add(@event); // a hang would end with the token, as an OperationCanceledException that fails the test
        }

        Assert.False(patience.IsCancellationRequested);
        if (!actorStopped)
        {
            Assert.IsType<Closed>(seen[^1]); // the first enumeration still gets the session's first events, up to its end
        }
    }

    [Fact]
    public async Task A_message_that_arrives_for_a_cancelled_receive_is_kept_for_the_next_one()
    {
        var (session, events) = StartSession();
        NextEvent<SessionResumptionUpdated>(events); // the handle that follows setupComplete
        var live = new LiveConnection(Sys, session);
        using var cancel = new CancellationTokenSource();
        await live.ReceiveAllAsync();

        var abandoned = live.ReceiveAsync(TimeSpan.FromSeconds(10), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await live.SendAsync(ClientContent.UserText("keep it"));
        NextEvent<TurnCompleted>(events);

        var first = await live.ReceiveAsync(TimeSpan.FromSeconds(5));
        var all = await live.ReceiveAllAsync();
        Assert.StartsWith("Turn 1", first.ServerContent!.ModelTurn!.Parts![0].Text, StringComparison.Ordinal);
        Assert.Contains(all, m => m.ServerContent?.TurnComplete == true);
    }

    [Fact]
    public async Task Enumerations_each_get_every_event_and_stop_when_cancelled()
    {
        var (session, events) = StartSession();
        NextEvent<SessionResumptionUpdated>(events); // the handle after setupComplete: nothing more comes before the send
        var live = new LiveConnection(Sys, session);
        using var first = new CancellationTokenSource(Patience);
        using var second = new CancellationTokenSource(Patience);
        var one = live.EventsAsync(first.Token).GetAsyncEnumerator(first.Token);
        var two = live.EventsAsync(second.Token).GetAsyncEnumerator(second.Token);
        var moving = (one.MoveNextAsync().AsTask(), two.MoveNextAsync().AsTask());

        await live.SendAsync(ClientContent.UserText("fan out"));

        Assert.True(await moving.Item1);
        Assert.True(await moving.Item2);
        Assert.Equal(one.Current.GetType(), two.Current.GetType());
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await one.MoveNextAsync())
            {
            }
        });
    }
}
