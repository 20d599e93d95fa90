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
        obj is Status.Failure { Cause: LiveConnectionException live } ? Live.ErrorToBinary(live.Error) : _akka.ToBinary(obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest == LiveManifest
            ? new Status.Failure(new LiveConnectionException(Live.ErrorFromBinary(bytes)))
            : _akka.FromBinary(bytes, manifest[OtherPrefix.Length..]);

    private LiveActorsSerializer Live => (LiveActorsSerializer)_system.Serialization.FindSerializerForType(typeof(LiveActors.Live.Send));
}
