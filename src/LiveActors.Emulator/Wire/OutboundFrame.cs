namespace LiveActors.Emulator.Wire;

/// <summary>A server message on its way out, and how it counts once written.</summary>
/// <param name="Bytes">The whole message.</param>
/// <param name="PreSerialized">Serialized once and reused (the benchmark fast path the stats count apart).</param>
/// <param name="CountsAfterSetup">It counts toward the server messages that fault triggers wait for (setupComplete does not).</param>
internal readonly record struct OutboundFrame(byte[] Bytes, bool PreSerialized = false, bool CountsAfterSetup = true);
