using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Errors;

/// <summary>
/// The exception that carries a <see cref="ConnectionError"/> where .NET code expects an exception:
/// invalid options, <c>Status.Failure</c> replies to actors, and the Task-based facade.
/// </summary>
public sealed class LiveConnectionException : Exception
{
    /// <summary>Wraps <paramref name="error"/>; the message is the error's <see cref="ConnectionError.Message"/>.</summary>
    public LiveConnectionException(ConnectionError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, InnerOf(error))
    {
        Error = error;
    }

    /// <summary>The typed error.</summary>
    public ConnectionError Error { get; }

    /// <summary>Whether retrying may help; the same as <see cref="ConnectionError.IsRetryable"/>.</summary>
    public bool IsRetryable => Error.IsRetryable;

    private static Exception? InnerOf(ConnectionError error) => error switch
    {
        OpenFailed e => e.Cause,
        ConnectionFailed e => e.Cause,
        UpgradeError e => e.Cause,
        _ => null,
    };
}
