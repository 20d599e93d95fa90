using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Serialization;

/// <summary>
/// The Akka serializer of LiveActors' messages: the session API (requests, replies, events), a region's envelopes and
/// what durable sessions store, as compact JSON with a short manifest per type (<see cref="WireTypes"/>). Live API
/// messages inside go as their wire JSON, actor refs as their paths, a correlation value or an envelope's message by
/// whatever serializer the actor system binds to it. <c>Akka.conf</c> binds it, so a cluster's nodes (and a journal)
/// never fall back to Akka's default JSON serializer for them.
/// </summary>
public sealed class LiveActorsSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's id in <c>akka.actor.serialization-identifiers</c>.</summary>
    public const int Id = 1729;

    private readonly WireTypes _types = WireTypes.Instance;
    private readonly WireJsonContext _context;

    /// <summary>The serializer of <paramref name="system"/> (Akka creates it from the HOCON binding).</summary>
    public LiveActorsSerializer(ExtendedActorSystem system)
        : base(system)
    {
        // The generated options (names, converters of its own), with the converters that need the actor system.
        var options = new JsonSerializerOptions(WireJsonContext.Default.Options) { TypeInfoResolver = null };
        options.Converters.Add(new ActorRefConverter(system));
        options.Converters.Add(new NestedObjectConverter(system));
        options.Converters.Add(new ConnectionErrorConverter(_types));
        _context = new WireJsonContext(options);
    }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => _types.ManifestOf(o.GetType());

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var manifest = Manifest(obj);
        if (_types.Singleton(manifest) is not null)
        {
            return [];
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (obj)
            {
                case ServerEvent @event:
                    ServerEventCodec.Write(writer, @event);
                    break;
                case ServerMessage message:
                    JsonSerializer.Serialize(writer, message, LiveJsonContext.Default.ServerMessage);
                    break;
                default:
                    JsonSerializer.Serialize(writer, obj, _context.GetTypeInfo(obj.GetType())!);
                    break;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (_types.Singleton(manifest) is { } singleton)
        {
            return singleton;
        }

        return manifest switch
        {
            ServerEventCodec.Manifest => ServerEventCodec.Read(bytes),
            _ when _types.TypeOf(manifest) == typeof(ServerMessage) => ServerMessageParser.Parse(bytes),
            _ => JsonSerializer.Deserialize(bytes, _context.GetTypeInfo(_types.TypeOf(manifest))!)
                ?? throw new System.Runtime.Serialization.SerializationException($"'{manifest}' read as null."),
        };
    }
}
