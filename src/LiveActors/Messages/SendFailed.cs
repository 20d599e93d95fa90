using LiveActors.Errors;

namespace LiveActors.Messages;

/// <summary>
/// Told to the sender of an accepted message that could not be delivered: the session ended before it was written, or
/// the socket died while it was being written so the server may not have it.
/// </summary>
/// <param name="Sequence">The number <see cref="SendAccepted"/> gave it.</param>
/// <param name="Error">Why.</param>
public sealed record SendFailed(long Sequence, ConnectionError Error);
