using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;

namespace LiveActors.Serialization;

// The members of the session API's records that are not plain data, as LiveActorsSerializer writes them.

/// <summary>An actor ref as its serialized path (with the node's address), resolved again on the receiving node.</summary>
internal sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        system.Provider.ResolveActorRef(reader.GetString() ?? throw new JsonException("An actor ref must be a path."));

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}

/// <summary>
/// Any object (a correlation value, the message of an envelope) by the serializer the actor system binds to its type:
/// <c>{"s": serializer id, "m": manifest, "b": bytes}</c>.
/// </summary>
internal sealed class NestedObjectConverter(ExtendedActorSystem system) : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A nested object must be {\"s\", \"m\", \"b\"}.");
        }

        int? serializer = null;
        string manifest = "";
        byte[]? bytes = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "s": serializer = reader.GetInt32(); break;
                case "m": manifest = reader.GetString() ?? ""; break;
                case "b": bytes = reader.GetBytesFromBase64(); break;
                default: reader.Skip(); break;
            }
        }

        return serializer is { } id && bytes is not null
            ? system.Serialization.Deserialize(bytes, id, manifest)
            : throw new JsonException("A nested object needs its serializer id and bytes.");
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        var serializer = system.Serialization.FindSerializerFor(value);
        writer.WriteStartObject();
        writer.WriteNumber("s", serializer.Identifier);
        writer.WriteString("m", Akka.Serialization.Serialization.ManifestFor(serializer, value));
        writer.WriteBase64String("b", serializer.ToBinary(value));
        writer.WriteEndObject();
    }
}

/// <summary>A client message as its wire JSON, read back by the library's own reader.</summary>
internal sealed class ClientMessageConverter : JsonConverter<ClientMessage>
{
    public override ClientMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var json = JsonDocument.ParseValue(ref reader);
        return ClientMessageSerializer.TryDeserialize(ServerMessageConverter.Encoding(json.RootElement), out var message, out _) && message is not null
            ? message
            : new RawClientMessage(json.RootElement.Clone());
    }

    public override void Write(Utf8JsonWriter writer, ClientMessage value, JsonSerializerOptions options) =>
        ClientMessageSerializer.Serialize(value, writer);
}

/// <summary>A server message as its wire JSON, read back by the same tolerant parser as a frame off the socket.</summary>
internal sealed class ServerMessageConverter : JsonConverter<ServerMessage>
{
    public override ServerMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var json = JsonDocument.ParseValue(ref reader);
        return ServerMessageParser.Parse(Encoding(json.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, ServerMessage value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, LiveJsonContext.Default.ServerMessage);

    internal static byte[] Encoding(JsonElement element) => System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
}

/// <summary>Any <see cref="ConnectionError"/>: <c>{"type": its manifest, "error": its fields}</c>.</summary>
internal sealed class ConnectionErrorConverter(WireTypes types) : JsonConverter<ConnectionError>
{
    public override ConnectionError? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var json = JsonDocument.ParseValue(ref reader);
        var manifest = json.RootElement.GetProperty("type").GetString() ?? "";
        return types.Singleton(manifest) as ConnectionError
            ?? json.RootElement.GetProperty("error").Deserialize(options.GetTypeInfo(types.TypeOf(manifest))) as ConnectionError
            ?? throw new JsonException($"'{manifest}' is not a connection error.");
    }

    public override void Write(Utf8JsonWriter writer, ConnectionError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type", types.ManifestOf(value.GetType()));
        if (types.Singleton(types.ManifestOf(value.GetType())) is null)
        {
            writer.WritePropertyName("error");
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// An exception kept inside an error (a cause) as its type name and message: enough to say what happened on the other
/// node; the exception itself, its stack and its state stay there.
/// </summary>
internal sealed class ExceptionConverter : JsonConverter<Exception>
{
    public override Exception Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var json = JsonDocument.ParseValue(ref reader);
        return new RemoteCause(json.RootElement.GetProperty("type").GetString() ?? "", json.RootElement.GetProperty("message").GetString() ?? "");
    }

    public override void Write(Utf8JsonWriter writer, Exception value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type", value is RemoteCause remote ? remote.TypeName : value.GetType().FullName);
        writer.WriteString("message", value is RemoteCause cause ? cause.Text : value.Message);
        writer.WriteEndObject();
    }
}

/// <summary>An exception that happened on another node, by its type's name and its message.</summary>
public sealed class RemoteCause : Exception
{
    /// <summary>An exception of type <paramref name="typeName"/> with <paramref name="text"/> as its message, seen elsewhere.</summary>
    public RemoteCause(string typeName, string text)
        : base($"{typeName}: {text}")
    {
        TypeName = typeName;
        Text = text;
    }

    /// <summary>The full name of the exception's type on the node where it happened.</summary>
    public string TypeName { get; }

    /// <summary>Its message there.</summary>
    public string Text { get; }
}
