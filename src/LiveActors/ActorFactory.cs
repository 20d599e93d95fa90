using Akka.Actor;

namespace LiveActors;

/// <summary>
/// Props that build an actor by calling a factory, so actors can keep their constructors internal and take internal
/// types (Akka's default producer only finds public constructors). Props made this way are for local actors only.
/// </summary>
internal sealed class ActorFactory<TActor>(Func<TActor> create) : IIndirectActorProducer
    where TActor : ActorBase
{
    public Type ActorType => typeof(TActor);

    public static Props Props(Func<TActor> create) => Akka.Actor.Props.CreateBy(new ActorFactory<TActor>(create));

    public ActorBase Produce() => create();

    public void Release(ActorBase actor)
    {
    }
}
