using Akka.Actor;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

/// <summary>What a session tells its region and its keeper about its life, read from the effects, without an actor.</summary>
public sealed class RegionReportsTests
{
    private static readonly IActorRef Region = new NamedRef("region");
    private static readonly IActorRef Alice = new NamedRef("alice");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_passivated_session_tells_its_region_then_its_subscribers_and_says_drained_only_when_draining()
    {
        var (reports, idle, effects) = Reports(new Passivation(Minute), resumable: true);

        var passivated = reports.Passivated(Minute).All.ToList();
        effects.Clear();
        idle.Drain();
        var drained = reports.Passivated(Minute).All.ToList();

        Assert.Equal([new(EffectKind.Tell, SessionPassivated.Instance, Region), new(EffectKind.Publish, new Passivated(Minute))], passivated);
        Assert.Equal(new Effect(EffectKind.Tell, SessionDrained.Instance, Region), drained[^1]);
    }

    [Fact]
    public void A_drain_waits_for_passivation_unless_the_session_cannot_resume_and_so_has_nothing_to_keep()
    {
        var (resumable, resumableIdle, _) = Reports(new Passivation(Minute), resumable: true);
        var (plain, _, _) = Reports(new Passivation(Minute), resumable: false);

        Assert.Empty(resumable.Drain().All);
        Assert.True(resumableIdle.Draining);
        Assert.Equal([new Effect(EffectKind.Tell, SessionDrained.Instance, Region)], plain.Drain().All);
    }

    [Fact]
    public void A_woken_session_tells_its_region()
    {
        var (reports, _, _) = Reports(new Passivation(Minute), resumable: true);

        Assert.Equal([new Effect(EffectKind.Tell, SessionWoke.Instance, Region)], reports.Woke().All);
    }

    [Fact]
    public void An_ending_tells_the_keeper_and_only_a_region_that_manages_the_session()
    {
        var (managed, _, managedEffects) = Reports(new Passivation(Minute), resumable: true);
        var (alone, _, _) = Reports(passivation: null, resumable: true);
        var error = new ConnectionFailed("gone");

        var closed = managed.Ending([Alice]).All.ToList();
        managedEffects.Clear();
        var gaveUp = managed.Ending([], error).All.ToList();

        Assert.Equal(new Effect(EffectKind.Keep, DurableEnded.Instance), closed[0]);
        Assert.Equal([Alice], Assert.IsType<SessionEnding>(closed[1].Message).CloseRequesters);
        Assert.Equal(error, Assert.IsType<SessionEnding>(gaveUp[1].Message).GaveUpWith);
        Assert.Equal([new Effect(EffectKind.Keep, DurableEnded.Instance)], alone.Ending([Alice]).All);
    }

    private static (RegionReports Reports, IdleWatch Idle, Effects Effects) Reports(Passivation? passivation, bool resumable)
    {
        var idle = new IdleWatch(passivation);
        var effects = new Effects();
        return (new RegionReports(Region, idle, resumable, effects, NullLogger.Instance), idle, effects);
    }
}
