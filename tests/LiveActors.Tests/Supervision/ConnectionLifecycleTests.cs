using LiveActors.Options;
using LiveActors.Supervision;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using static LiveActors.Live;
using static LiveActors.Supervision.SessionTimers;

namespace LiveActors.Tests.Supervision;

/// <summary>What a connection's start and end mean to the session: its counts, its timers, its announcements; without an actor.</summary>
public sealed class ConnectionLifecycleTests
{
    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(1);

    [Fact]
    public void The_first_ready_socket_starts_the_healthy_and_idle_timers_then_says_Connected_and_later_ones_Reconnected()
    {
        var (lifecycle, reconnect, traffic, idle) = Lifecycle(new Passivation(IdleAfter));

        var first = lifecycle.Ready(new SocketReady("s1", SessionRules.Socket()), resumed: false, handshakeMessages: 1, now: TimeSpan.FromSeconds(5)).All.ToList();
        traffic.Effects.Clear();
        var second = lifecycle.Ready(new SocketReady("s2", SessionRules.Socket()), resumed: true, handshakeMessages: 1, now: TimeSpan.FromSeconds(9)).All.ToList();

        Assert.Equal(new Effect(EffectKind.StartTimer, Healthy.Instance, TimerKey: HealthyTimer, Delay: ResetAfter), first[0]);
        Assert.Equal(new Effect(EffectKind.StartTimer, IdleNow.Instance, TimerKey: IdleTimer, Delay: IdleAfter), first[1]);
        Assert.Equal(new Connected("s1") { Resumed = false }, first[2].Message);
        Assert.Equal(new Reconnected(true, "s2"), second[2].Message);
        Assert.Equal(2, reconnect.Connections);
        Assert.Equal(TimeSpan.Zero, idle.IdleFor(TimeSpan.FromSeconds(9))); // a ready socket is activity
    }

    [Fact]
    public void A_session_no_region_manages_has_no_idle_timer()
    {
        var (lifecycle, _, _, _) = Lifecycle(passivation: null);

        var effects = lifecycle.Ready(new SocketReady("s1", SessionRules.Socket()), resumed: false, handshakeMessages: 1, now: TimeSpan.Zero).All;

        Assert.DoesNotContain(effects, e => e.TimerKey == IdleTimer);
    }

    [Fact]
    public void An_ended_connection_stops_the_healthy_and_handover_timers()
    {
        var (lifecycle, _, _, _) = Lifecycle(passivation: null);

        Assert.Equal([new(EffectKind.CancelTimer, HealthyTimer), new(EffectKind.CancelTimer, HandoverTimer)], lifecycle.Ended(timestamp: 0).All);
    }

    private static (ConnectionLifecycle Lifecycle, ReconnectPolicy Reconnect, SessionTraffic Traffic, IdleWatch Idle) Lifecycle(Passivation? passivation)
    {
        var options = SessionRules.Options() with { Retry = new RetryOptions { ResetAfter = ResetAfter } };
        var idle = new IdleWatch(passivation);
        var reconnect = new ReconnectPolicy(options.Retry);
        var traffic = new SessionTraffic(
            options, new ModelRules(options), SessionRules.Resumption(options), idle, new SessionTelemetry(options), SessionRules.Clock,
            NullLogger.Instance, durability: null);
        return (new ConnectionLifecycle(reconnect, idle, traffic, new SessionTelemetry(options), NullLogger.Instance), reconnect, traffic, idle);
    }
}
