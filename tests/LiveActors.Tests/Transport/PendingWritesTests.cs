using System.Text;
using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Transport;
using static LiveActors.Transport.PendingWrites.Admission;

namespace LiveActors.Tests.Transport;

/// <summary>How far a socket's writing got: one message in flight, the rest queued behind it in order, up to the capacity.</summary>
public sealed class PendingWritesTests
{
    [Fact]
    public void The_first_message_goes_in_flight_and_later_ones_queue_behind_it_up_to_the_capacity()
    {
        var writes = new PendingWrites(capacity: 2);

        Assert.Equal(SendNow, writes.Admit(Message(1)));
        Assert.Equal(Queued, writes.Admit(Message(2)));
        Assert.Equal(Queued, writes.Admit(Message(3)));
        Assert.Equal(Refused, writes.Admit(Message(4)));
        Assert.Equal(1, writes.InFlight?.Sequence);
        Assert.Equal(-1, writes.LastWritten);
    }

    [Fact]
    public void A_finished_write_hands_out_the_next_queued_one_in_order_until_the_queue_runs_dry()
    {
        var writes = new PendingWrites(capacity: 2);
        var first = Message(1);
        writes.Admit(first);
        writes.Admit(Message(2));
        writes.Admit(Message(3));

        var second = writes.Finished(first);
        var third = writes.Finished(second!);

        Assert.Equal((2L, 3L), (second!.Sequence, third!.Sequence));
        Assert.Null(writes.Finished(third));
        Assert.Null(writes.InFlight);
        Assert.Equal(3, writes.LastWritten);
        Assert.Equal(SendNow, writes.Admit(Message(4)));
    }

    [Fact]
    public void A_close_starts_at_once_when_nothing_is_in_flight_and_otherwise_once_the_queue_runs_dry()
    {
        var idle = new PendingWrites(capacity: 2);
        Assert.True(idle.RequestClose());
        Assert.False(idle.RequestClose()); // asked once

        var busy = new PendingWrites(capacity: 2);
        var first = Message(1);
        busy.Admit(first);
        Assert.False(busy.RequestClose());
        Assert.Equal(Refused, busy.Admit(Message(2)));
        Assert.Null(busy.Finished(first));
        Assert.True(busy.CloseDueWhenDry);
    }

    [Fact]
    public void After_a_failure_or_a_stop_messages_are_held_for_the_end_and_no_close_is_sent()
    {
        var failed = new PendingWrites(capacity: 2);
        var first = Message(1);
        failed.Admit(first);
        failed.Fail();
        Assert.Equal(Held, failed.Admit(Message(2)));
        Assert.Equal(1, failed.InFlight?.Sequence); // it may have reached the server
        Assert.False(failed.RequestClose());

        var stopped = new PendingWrites(capacity: 2);
        stopped.Admit(first);
        Assert.False(stopped.RequestClose());
        stopped.Stop();
        Assert.Equal(Refused, stopped.Admit(Message(2))); // closing refuses first
        Assert.Null(stopped.Finished(first));
        Assert.False(stopped.CloseDueWhenDry);
    }

    [Fact]
    public void The_send_buffer_holds_only_the_last_message_and_nothing_once_released()
    {
        var buffer = new SendBuffer();

        buffer.Encode(ClientContent.UserText("a long first message"));
        var second = Encoding.UTF8.GetString(buffer.Encode(ClientContent.UserText("second")).Span);

        Assert.Equal(Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(ClientContent.UserText("second"))), second);
        Assert.Equal(Encoding.UTF8.GetByteCount(second), buffer.Length);
        buffer.Release();
        Assert.Equal(0, buffer.Length);
    }

    private static OutboundMessage Message(long sequence) => new(sequence, ClientContent.UserText($"message {sequence}"), ActorRefs.Nobody);
}
