using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Tests.Support;

/// <summary>
/// A client message the emulator counts (so a fault can fire at it) but that changes nothing: a response to no call.
/// It interrupts no reply, unlike audio or a turn.
/// </summary>
internal static class Poke
{
    public static Send Send => new(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "no-such-call", Name = "poke" }] }, Correlation: "poke");
}
