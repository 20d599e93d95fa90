using System.Buffers;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Remote.Serialization;
using Akka.Serialization;
using LiveActors.Errors;
using LiveActors.Serialization;

namespace LiveActors.Cluster;

/// <summary>
/// <see cref="Status.Failure"/> between nodes. Akka's own serializer keeps an exception's type, message and stack but
/// cannot rebuild a <see cref="LiveConnectionException"/> (its error is not in the exception's serialized fields), so
/// a session's refusal reached a caller on another node as an Ask cancelled without a cause. A failure whose cause is a
/// LiveConnectionException goes as its <see cref="ConnectionError"/>; every other failure goes exactly as Akka would
/// send it, by Akka's serializer.
/// </summary>
internal sealed class FailureSerializer : SerializerWithStringManifest
{
    public const int Id = 1730;
    private const string LiveManifest = "live";
    private const string OtherPrefix = "akka:";

    private readonly MiscMessageSerializer _akka;
    private readonly ExtendedActorSystem _system;

    public FailureSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _system = system;
        _akka = new MiscMessageSerializer(system);
    }

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        o is Status.Failure { Cause: LiveConnectionException } ? LiveManifest : OtherPrefix + _akka.Manifest(o);

    public override byte[] ToBinary(object obj) =>
        obj is Status.Failure { Cause: LiveConnectionException live } ? ErrorToBinary(live.Error) : _akka.ToBinary(obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest == LiveManifest
            ? new Status.Failure(new LiveConnectionException(ErrorFromBinary(bytes)))
            : _akka.FromBinary(bytes, manifest[OtherPrefix.Length..]);

    /// <summary>
    /// The error as <c>{"type": its manifest, "error": its fields}</c>, each part written by LiveActors' own serializer:
    /// the form LiveActors' serializer gives an error inside its messages, so every node reads it alike.
    /// </summary>
    private byte[] ErrorToBinary(ConnectionError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", Live.Manifest(error));
            if (Live.ToBinary(error) is { Length: > 0 } fields) // a singleton error is its manifest alone
            {
                writer.WritePropertyName("error");
                writer.WriteRawValue(fields, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private ConnectionError ErrorFromBinary(byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        var manifest = json.RootElement.GetProperty("type").GetString() ?? "";
        var fields = json.RootElement.TryGetProperty("error", out var error) ? Encoding.UTF8.GetBytes(error.GetRawText()) : [];
        return Live.FromBinary(fields, manifest) as ConnectionError
            ?? throw new SerializationException($"'{manifest}' is not a LiveActors connection error.");
    }

    private LiveActorsSerializer Live => (LiveActorsSerializer)_system.Serialization.FindSerializerForType(typeof(LiveActors.Live.Send));
}
