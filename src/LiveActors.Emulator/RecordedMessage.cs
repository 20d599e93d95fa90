namespace LiveActors.Emulator;

/// <summary>A client message as the emulator received it.</summary>
/// <param name="Index">0-based among the connection's client messages after setup; -1 for setup.</param>
/// <param name="Kind">The top-level member: <c>setup</c>, <c>clientContent</c>, <c>realtimeInput</c>, <c>toolResponse</c>, or what else came.</param>
/// <param name="Json">The message's JSON text.</param>
public sealed record RecordedMessage(int Index, string Kind, string Json);
