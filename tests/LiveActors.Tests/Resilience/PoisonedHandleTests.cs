using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// A poisoned handle: every resume with it gets setupComplete, then dies with 1011 on its first input. After
/// max-resumes-per-handle such resumes in a row the session abandons the handle for a fresh session, and says so.
/// </summary>
public sealed class PoisonedHandleTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task After_three_failed_resumes_a_fresh_session_starts_the_app_hears_ResumptionRefused_and_the_turn_is_answered()
    {
        var options = Options with { SessionResumption = Options.SessionResumption with { UncertainMessages = UncertainDelivery.ResendAll } };
        Assert.Equal(3, options.SessionResumption.MaxResumesPerHandle); // the default
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("remember me")));
        NextEvent<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events, u => u.Update is { Resumable: true, NewHandle: not null });

        Emulator.PoisonResumptionHandles();
        Emulator.Connections[0].Drop();
        NextEvent<Disconnected>(events);
        session.Tell(new Send(ClientContent.UserText("are you there?"))); // written on each resume, which dies on it
        var seen = EventsUntil<TurnCompleted>(events);

        var refused = Assert.Single(seen.OfType<ResumptionRefused>());
        Assert.Equal(1011, Assert.IsType<ConnectionError.ServerClosed>(refused.Error).CloseCode);
        var reconnects = seen.OfType<Reconnected>().ToList();
        Assert.Equal([true, true, true, false], reconnects.Select(r => r.Resumed));
        Assert.Equal("Turn 1: you said \"are you there?\"", string.Concat(seen.OfType<ModelTurnReceived>().Select(chunk => chunk.Text)));
        Assert.DoesNotContain(seen, e => e is GaveUp);
        Assert.Equal(5, Emulator.Connections.Count); // the first, three resumes that failed, the fresh one
        foreach (var resume in Emulator.Connections.Skip(1).Take(3))
        {
            Assert.Equal(1011, (await resume.Ended).CloseCode);
        }
    }
}
