using LiveActors.Errors;

namespace LiveActors.Events;

/// <summary>The session stopped trying: a non-retryable error, or <see cref="MaxRetriesExceeded"/>. It is over.</summary>
/// <param name="Error">Why.</param>
public sealed record GaveUp(ConnectionError Error) : LiveEvent;
