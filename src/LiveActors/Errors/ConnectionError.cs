namespace LiveActors.Errors;

/// <summary>
/// Why a Live connection, or an operation on it, failed. A closed set: every error LiveActors reports is one
/// of the sealed records in this namespace, so callers can switch on them exhaustively.
/// </summary>
/// <remarks>
/// <para>Each error knows whether retrying can help (<see cref="IsRetryable"/>); the table is in docs/errors.md
/// and in <see cref="Retryability"/>. <see cref="Code"/> is a stable snake_case identifier (the same words
/// gemini_ex uses) for logs and metrics.</para>
/// <para>No error ever carries an API key, an access token or a resumption handle: messages, headers and
/// reasons are redacted before they are stored here.</para>
/// </remarks>
public abstract partial record ConnectionError
{
    private protected ConnectionError()
    {
    }

    /// <summary>A stable snake_case identifier, for example <c>upgrade_failed</c>.</summary>
    public abstract string Code { get; }

    /// <summary>Whether the same operation may succeed if it is tried again later.</summary>
    public abstract bool IsRetryable { get; }

    /// <summary>A sentence for people: what happened and, where it helps, what to change.</summary>
    public abstract string Message { get; }

    /// <summary>Returns <c>code: message</c>, never the raw fields (they may hold exception details).</summary>
    public sealed override string ToString() => $"{Code}: {Message}";
}
