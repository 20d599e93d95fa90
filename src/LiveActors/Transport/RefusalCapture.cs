using System.Net;
using System.Text;

namespace LiveActors.Transport;

/// <summary>
/// The handler a session's upgrades go through last: when the server refuses one (any status but 101, or 2xx on
/// HTTP/2), it reads the start of the response body, which ClientWebSocket would throw away, and leaves it in the
/// <see cref="RefusalBody"/> the connect attempt set up. Every value the request carried as a credential (query
/// parameters, <c>Authorization</c>, <c>x-goog-api-key</c>) is cut out of it, since some servers echo the request.
/// </summary>
internal sealed class RefusalCapture : DelegatingHandler
{
    /// <summary>How much of a refusal's body is kept, in bytes.</summary>
    public const int MaxBodyBytes = 2048;

    private static readonly AsyncLocal<RefusalBody?> s_current = new();
    private readonly HttpMessageInvoker? _outer;

    /// <summary>Sends through a handler the session owns.</summary>
    public RefusalCapture(HttpMessageHandler inner) : base(inner)
    {
    }

    /// <summary>Sends through the user's own invoker, which stays theirs: disposing this leaves it open.</summary>
    public RefusalCapture(HttpMessageInvoker outer) => _outer = outer;

    /// <summary>
    /// Starts a capture for the connect attempt that follows on this async flow; what a refusal says ends up in the
    /// returned box.
    /// </summary>
    public static RefusalBody Begin() => s_current.Value = new RefusalBody();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = _outer is null
            ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
            : await _outer.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (s_current.Value is { } box && IsRefusal(response))
        {
            box.Text = await ReadStartAsync(response, request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode != HttpStatusCode.SwitchingProtocols && !response.IsSuccessStatusCode;

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[MaxBodyBytes];
            var read = 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    read += n;
                }
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
            return text.Length == 0 ? null : Redact(text, request);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return null; // the status and headers still say what happened
        }
    }

    /// <summary>
    /// The text with every credential the request carried replaced by <c>(redacted)</c>, and any other secret-shaped
    /// token (a handle the server echoed, a key) masked as in close reasons.
    /// </summary>
    internal static string Redact(string text, HttpRequestMessage request)
    {
        foreach (var secret in Secrets(request))
        {
            text = text.Replace(secret, "(redacted)", StringComparison.Ordinal);
            text = text.Replace(Uri.EscapeDataString(secret), "(redacted)", StringComparison.Ordinal);
        }

        return Errors.TextRedaction.Redact(text) ?? text;
    }

    private static IEnumerable<string> Secrets(HttpRequestMessage request)
    {
        foreach (var pair in (request.RequestUri?.Query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = Uri.UnescapeDataString(pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length >= 4)
            {
                yield return value;
            }
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && !name.Equals("x-goog-api-key", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                yield return space > 0 ? value[(space + 1)..] : value;
            }
        }
    }
}

/// <summary>Where <see cref="RefusalCapture"/> leaves the start of a refused upgrade's body for the attempt that made it.</summary>
internal sealed class RefusalBody
{
    /// <summary>The body's start, credentials cut out; null when there was none (or no refusal).</summary>
    public string? Text { get; set; }
}
