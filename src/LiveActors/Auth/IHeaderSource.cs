namespace LiveActors.Auth;

/// <summary>Where a connect attempt gets its credential headers; asked again for every attempt, so tokens can refresh.</summary>
internal interface IHeaderSource
{
    /// <summary>The headers to send with the upgrade request.</summary>
    ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken);
}
