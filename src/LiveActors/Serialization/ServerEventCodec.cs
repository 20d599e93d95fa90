using System.Text.Json;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Serialization;

/// <summary>
/// A server event as the server message it came from and which of that message's events it is: the receiving node
/// reads the events out of the message again (<see cref="ServerEvents"/>), so every server event, present and future,
/// crosses nodes without a format of its own. <c>{"event": its type's name, "nth": among events of that type,
/// "idleEnds": the rule it was read by, "message": the wire JSON}</c>.
/// </summary>
internal static class ServerEventCodec
{
    public const string Manifest = "server-event";

    public static void Write(Utf8JsonWriter writer, ServerEvent @event)
    {
        var (nth, idleEnds) = Locate(@event);
        writer.WriteStartObject();
        writer.WriteString("event", @event.GetType().Name);
        writer.WriteNumber("nth", nth);
        writer.WriteBoolean("idleEnds", idleEnds);
        writer.WritePropertyName("message");
        JsonSerializer.Serialize(writer, @event.Message, LiveJsonContext.Default.ServerMessage);
        writer.WriteEndObject();
    }

    public static ServerEvent Read(ReadOnlyMemory<byte> bytes)
    {
        using var json = JsonDocument.Parse(bytes); // over the serializer's bytes, not a copy of them
        var root = json.RootElement;
        var name = root.GetProperty("event").GetString();
        var nth = root.GetProperty("nth").GetInt32();
        var message = ServerMessageParser.Parse(ServerMessageConverter.Encoding(root.GetProperty("message")));
        var events = new List<Event>();
        ServerEvents.AddTo(events, message, root.GetProperty("idleEnds").GetBoolean());
        return events.OfType<ServerEvent>().Where(e => e.GetType().Name == name).ElementAtOrDefault(nth)
            ?? throw new System.Runtime.Serialization.SerializationException($"The server message holds no {name} #{nth}.");
    }

    /// <summary>Which of its message's events of its type the event is, and by which interaction rule it was read.</summary>
    private static (int Nth, bool IdleEnds) Locate(ServerEvent @event)
    {
        var events = new List<Event>();
        foreach (var idleEnds in (ReadOnlySpan<bool>)[false, true])
        {
            events.Clear();
            ServerEvents.AddTo(events, @event.Message, idleEnds);
            var nth = 0;
            foreach (var candidate in events)
            {
                if (candidate.GetType() == @event.GetType())
                {
                    if (candidate.Equals(@event))
                    {
                        return (nth, idleEnds);
                    }

                    nth++;
                }
            }
        }

        throw new System.Runtime.Serialization.SerializationException($"{@event.GetType().Name} is not one of its own message's events.");
    }
}
