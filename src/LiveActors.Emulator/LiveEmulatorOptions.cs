using LiveActors.Emulator.Faults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LiveActors.Emulator;

/// <summary>How an emulator listens, whom it lets in and how its scripted model answers.</summary>
public sealed record LiveEmulatorOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The Gemini API key it accepts (header <c>x-goog-api-key</c> or query <c>key</c>).</summary>
    public string ApiKey { get; init; } = "test-key";

    /// <summary>
    /// The OAuth access token it always accepts on the Vertex AI paths (<c>Authorization: Bearer ...</c>); more can be
    /// granted at run time through <see cref="LiveEmulator.AccessTokens"/>.
    /// </summary>
    public string BearerToken { get; init; } = "test-token";

    /// <summary>Serve wss:// with a self-signed certificate for 127.0.0.1 made at start (see <see cref="LiveEmulator.Certificate"/>).</summary>
    public bool Tls { get; init; }

    /// <summary>HTTP/1.1 by default; HTTP/2 (RFC 8441 WebSockets) too with <see cref="HttpProtocols.Http1AndHttp2"/> (needs TLS) or <see cref="HttpProtocols.Http2"/>.</summary>
    public HttpProtocols Protocols { get; init; } = HttpProtocols.Http1;

    /// <summary>How many serverContent chunks a reply to text is split into (text parts, or 200 ms audio chunks each with its transcription).</summary>
    public int ReplyChunks { get; init; } = 3;

    /// <summary>How long a resumption handle stays valid after it was issued (the Gemini API's is 2 hours).</summary>
    public TimeSpan HandleLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// A file that keeps the resumption handles and the conversations they captured, so an emulator started later (in
    /// another process) resumes them, as the service keeps a session across a client's restarts. Read at start, created
    /// on the first handle, rewritten with every handle. Null (the default): handles live as long as the emulator.
    /// </summary>
    public string? SessionFile { get; init; }

    /// <summary>The largest client message accepted; a larger one is closed with 1009.</summary>
    public int MaxClientMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Faults by connection number (1-based), for connections no script was queued for.</summary>
    public Func<int, IReadOnlyList<EmulatorFault>>? FaultRule { get; init; }

    /// <summary>
    /// What setup with a model the emulator does not serve gets: <see cref="UnknownModelPolicy.Refuse"/> (the default,
    /// as the service), or <see cref="UnknownModelPolicy.AcceptWithLegacyRules"/> for tests that use other names.
    /// </summary>
    public UnknownModelPolicy UnknownModels { get; init; } = UnknownModelPolicy.Refuse;

    /// <summary>
    /// gemini-3.1-flash-live-preview follows the early-2026 rule (PROTOCOL.md §3.2): clientContent only as an initial
    /// history promised by <c>historyConfig.initialHistoryInClientContent</c> and sent before any realtime input; any
    /// other clientContent, and realtime input before that history is complete, close with 1007. False (the default):
    /// today's rule, clientContent accepted for the whole session.
    /// </summary>
    public bool Gemini31Early2026 { get; init; }

    /// <summary>The clock for handle expiry and goAway deadlines.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
