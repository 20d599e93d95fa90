using Akka.Actor;
using Akka.Dispatch.MessageQueues;
using LiveActors.Supervision.Dispatch;

namespace LiveActors.Tests.Supervision.Dispatch;

/// <summary>The sessions' message queue: first in, first out through growth and wrap-around, small again once idle.</summary>
public sealed class SessionMessageQueueTests
{
    [Fact]
    public void Messages_come_out_in_the_order_they_went_in_across_growth_and_wrap_around()
    {
        var queue = new SessionMessageQueue();
        var next = 0;
        var expected = 0;
        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < round % 7 + 1; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(next++, ActorRefs.NoSender));
            }

            for (var i = 0; i < round % 5 + 1 && queue.TryDequeue(out var envelope); i++)
            {
                Assert.Equal(expected++, envelope.Message);
            }
        }

        while (queue.TryDequeue(out var envelope))
        {
            Assert.Equal(expected++, envelope.Message);
        }

        Assert.Equal(next, expected);
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_flood_keeps_its_ring_while_it_lasts_and_the_first_quiet_drain_after_it_lets_the_ring_go()
    {
        var queue = new SessionMessageQueue();
        Assert.Equal(4, queue.Slots);

        for (var burst = 0; burst < 3; burst++)
        {
            Pass(queue, 1_000);
            Assert.True(queue.Slots >= 1_000); // drained, but a flood drains and fills again: no new ring each time
        }

        Pass(queue, 3);

        Assert.Equal(4, queue.Slots);
    }

    private static void Pass(SessionMessageQueue queue, int messages)
    {
        for (var i = 0; i < messages; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        Assert.Equal(messages, queue.Count);
        for (var i = 0; i < messages; i++)
        {
            Assert.True(queue.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }
    }

    [Fact]
    public void A_handled_message_is_not_kept_alive_by_its_slot()
    {
        var queue = new SessionMessageQueue();
        var message = Enqueue(queue);
        Assert.True(Dequeue(queue));

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(message.IsAlive);
    }

    [Fact]
    public void What_is_left_at_clean_up_goes_to_the_dead_letters_in_order()
    {
        var queue = new SessionMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("a", ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, new Envelope("b", ActorRefs.NoSender));
        var deadLetters = new UnboundedMessageQueue();

        queue.CleanUp(ActorRefs.Nobody, deadLetters);

        Assert.False(queue.HasMessages);
        Assert.True(deadLetters.TryDequeue(out var first));
        Assert.True(deadLetters.TryDequeue(out var second));
        Assert.Equal(["a", "b"], new[] { first.Message, second.Message });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool Dequeue(SessionMessageQueue queue) => queue.TryDequeue(out _);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference Enqueue(SessionMessageQueue queue)
    {
        var message = new object();
        queue.Enqueue(ActorRefs.Nobody, new Envelope(message, ActorRefs.NoSender));
        return new WeakReference(message);
    }
}
