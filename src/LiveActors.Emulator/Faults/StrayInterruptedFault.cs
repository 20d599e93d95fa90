namespace LiveActors.Emulator.Faults;

/// <summary>
/// See <see cref="EmulatorFault.StrayInterrupted"/>: a bare <c>interrupted</c> right after the turnComplete of turn
/// <paramref name="AfterTurn"/> on the connection, before anything else (the handle after the turn), as the service
/// sends when the user's audio overlaps the end of a reply. It closes nothing: that turn is over already.
/// </summary>
/// <param name="AfterTurn">Which reply's turnComplete it follows, counting from 1 on the connection.</param>
public sealed record StrayInterruptedFault(int AfterTurn) : EmulatorFault;
