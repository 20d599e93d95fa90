using System.Globalization;
using System.Text;
using Akka.Configuration;
using Google.Apis.Auth.OAuth2;
using LiveActors.Errors;
using LiveActors.Models;
using LiveActors.Protocol;
using Microsoft.Extensions.Configuration;

namespace LiveActors.Options;

/// <summary>
/// Everything a Live session needs: where to connect, how to authenticate, and how to behave when things go wrong.
/// </summary>
/// <remarks>
/// <para>Every default comes from the library's reference configuration (<c>Akka.conf</c>, under <c>live-actors</c>);
/// <see cref="FromConfig"/> and <see cref="FromConfiguration"/> read overrides from HOCON or an
/// <see cref="IConfiguration"/> section, and code overrides anything with <c>with { ... }</c>.</para>
/// <para>Call <see cref="Validate"/> (or <see cref="ThrowIfInvalid"/>) to learn every problem at once; the actors
/// do it before they open a socket. <see cref="ToString"/> never shows the API key.</para>
/// </remarks>
public sealed record LiveConnectionOptions
{
    /// <summary>The Gemini API or Vertex AI. HOCON <c>auth-strategy</c> (<c>gemini-api</c> or <c>vertex-ai</c>).</summary>
    public AuthStrategy AuthStrategy { get; init; } = LiveDefaults.AuthStrategy;

    /// <summary>
    /// The model, for example <c>gemini-3.8-live</c> (gemini-live-2.5-flash-preview was shut down on 2025-12-09). Required. A bare name is expanded to
    /// <c>models/NAME</c> (Gemini API) or the full Vertex AI resource name. HOCON <c>model</c>.
    /// </summary>
    public string Model { get; init; } = LiveDefaults.Model;

    /// <summary>
    /// Which rules of the Live API the model follows: <see cref="Models.ModelFamily.Auto"/> (the default) tells them
    /// from <see cref="Model"/>; name a family for a model the name does not tell, or to override what it tells (for
    /// example <see cref="Models.ModelFamily.Gemini2"/> for a 3.x model that takes <c>clientContent</c> all session).
    /// HOCON <c>model-family</c> (<c>auto</c>, <c>gemini-2</c>, <c>gemini-3</c>, <c>gemini-3-extended-thinking</c>).
    /// </summary>
    public ModelFamily ModelFamily { get; init; } = LiveDefaults.ModelFamily;

    /// <summary>
    /// The wire rules the session follows for its model (docs/models.md): null (the default) picks the profile by
    /// <see cref="Model"/>'s name (<see cref="ModelProfiles.For"/>), a name no profile claims getting the permissive one
    /// and a warning. Set one, or one changed with <c>with</c>, to override any rule; it wins over
    /// <see cref="ModelFamily"/>. HOCON <c>model-profile</c> (<c>auto</c>, or a profile's name such as <c>gemini-3.8</c>).
    /// </summary>
    public ModelProfile? ModelProfile { get; init; } = LiveDefaults.ModelProfile;

    /// <summary>
    /// Whether the setup is checked against the profile before the first socket opens: a response modality, a
    /// thinking setting or a function declaration the model refuses at setup (it would close with 1007), or a model
    /// that has been shut down, fails the session at once with <see cref="ConnectionError.UnsupportedByModel"/>.
    /// Turn it off when the service changes before the profile does. HOCON <c>check-setup-against-profile</c>.
    /// </summary>
    public bool CheckSetupAgainstProfile { get; init; } = LiveDefaults.CheckSetupAgainstProfile;

    /// <summary>
    /// The Gemini API key, or an ephemeral token (<c>auth_tokens/...</c>), which switches to the constrained endpoint.
    /// When null, <c>GEMINI_API_KEY</c>, then <c>GOOGLE_API_KEY</c> is used. A secret: never printed, logged or put in a
    /// URL. HOCON <c>api-key</c>.
    /// </summary>
    public string? ApiKey { get; init; } = LiveDefaults.ApiKey;

    /// <summary>
    /// The Google Cloud project for Vertex AI. When null, <c>VERTEX_PROJECT_ID</c>, then <c>GOOGLE_CLOUD_PROJECT</c>, then
    /// the credential's own project is used. HOCON <c>project-id</c>.
    /// </summary>
    public string? ProjectId { get; init; } = LiveDefaults.ProjectId;

    /// <summary>
    /// The Vertex AI location: a region such as <c>us-central1</c>, <c>global</c>, <c>us</c> or <c>eu</c>. When null,
    /// <c>VERTEX_LOCATION</c>, then <c>GOOGLE_CLOUD_LOCATION</c>, else <c>us-central1</c>. HOCON <c>location</c>.
    /// </summary>
    public string? Location { get; init; } = LiveDefaults.Location;

    /// <summary>
    /// Vertex AI: a credential file (a service-account key or a gcloud user credential, JSON). When null, Vertex AI uses
    /// <see cref="Credential"/>, <c>VERTEX_ACCESS_TOKEN</c> or Application Default Credentials. HOCON <c>credentials-file</c>.
    /// </summary>
    public string? CredentialsFile { get; init; } = LiveDefaults.CredentialsFile;

    /// <summary>
    /// Vertex AI: the Google credential to use, for example from <see cref="Auth.VertexCredentials"/>; it is scoped to
    /// <c>cloud-platform</c> when it needs scopes. Takes precedence over every other source. Code only.
    /// </summary>
    public GoogleCredential? Credential { get; init; }

    /// <summary>
    /// Gemini API: where each new connection gets its ephemeral token (<c>auth_tokens/...</c>), reconnects and resumes
    /// included. A token bounds the whole call it opens (its <c>expireTime</c>, docs/live-api.md 1.2), so a call that may
    /// outlive one token takes them from your backend, which mints them (for example with
    /// <see cref="Auth.EphemeralTokenClient.CreateAsync"/>). Takes precedence over <see cref="ApiKey"/>; the session uses the
    /// constrained endpoint. Code only.
    /// </summary>
    public Func<CancellationToken, Task<string>>? TokenProvider { get; init; }

    /// <summary>The Gemini API version: <c>v1</c>, <c>v1beta</c> or <c>v1alpha</c>. HOCON <c>api-version</c>.</summary>
    public string ApiVersion { get; init; } = LiveDefaults.ApiVersion;

    /// <summary>The Vertex AI API version: <c>v1</c> or <c>v1beta1</c>. HOCON <c>vertex-api-version</c>.</summary>
    public string VertexApiVersion { get; init; } = LiveDefaults.VertexApiVersion;

    /// <summary>
    /// Connect here instead of Google's host (the emulator, a proxy, a regional endpoint); <c>http</c> and
    /// <c>https</c> become <c>ws</c> and <c>wss</c>, and a path is kept as a prefix. HOCON <c>base-address</c>.
    /// </summary>
    public Uri? BaseAddress { get; init; } = LiveDefaults.BaseAddress;

    /// <summary>The budget for a whole connect: TCP, TLS, upgrade, setup and setupComplete. HOCON <c>timeout</c>.</summary>
    public TimeSpan Timeout { get; init; } = LiveDefaults.Timeout;

    /// <summary>How reconnects are scheduled and when they stop. HOCON <c>retry</c>.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>How often a ping goes out on a quiet connection. HOCON <c>keep-alive-interval</c>.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = LiveDefaults.KeepAliveInterval;

    /// <summary>How long a pong may take before the connection counts as dead. HOCON <c>keep-alive-timeout</c>.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = LiveDefaults.KeepAliveTimeout;

    /// <summary>How long Close waits for the server's close frame. HOCON <c>close-timeout</c>.</summary>
    public TimeSpan CloseTimeout { get; init; } = LiveDefaults.CloseTimeout;

    /// <summary>How long a Receive waits when it names no timeout of its own. HOCON <c>receive-timeout</c>.</summary>
    public TimeSpan ReceiveTimeout { get; init; } = LiveDefaults.ReceiveTimeout;

    /// <summary>The largest server message accepted, in bytes, after fragments are joined. HOCON <c>max-inbound-message-size</c>.</summary>
    public long MaxInboundMessageSize { get; init; } = LiveDefaults.MaxInboundMessageSize;

    /// <summary>How many server messages wait for Receive; past it the oldest is dropped. HOCON <c>inbox-capacity</c>.</summary>
    public int InboxCapacity { get; init; } = LiveDefaults.InboxCapacity;

    /// <summary>
    /// How many bytes of server messages (their size on the wire) wait for Receive; past it the oldest are dropped, the
    /// newest is always kept. HOCON <c>inbox-max-bytes</c>.
    /// </summary>
    public long InboxMaxBytes { get; init; } = LiveDefaults.InboxMaxBytes;

    /// <summary>Limits on sends held while no connection is ready. HOCON <c>outbound-queue</c>.</summary>
    public OutboundQueueOptions OutboundQueue { get; init; } = new();

    /// <summary>HTTP version, proxy, TLS validation and buffers. HOCON <c>transport</c>.</summary>
    public TransportOptions Transport { get; init; } = new();

    /// <summary>Session resumption across reconnects. HOCON <c>session-resumption</c>.</summary>
    public SessionResumptionOptions SessionResumption { get; init; } = new();

    /// <summary>These options, starting the session from <paramref name="handle"/>, a handle stored from an earlier one.</summary>
    /// <param name="handle">The newest handle the earlier session reported (<see cref="Live.SessionResumptionUpdated"/>).</param>
    public LiveConnectionOptions ResumingFrom(string handle) =>
        this with { SessionResumption = SessionResumption with { Handle = handle } };

    /// <summary>
    /// The session configuration sent in <c>setup</c> (generation config, system instruction, tools, ...).
    /// Its <see cref="Protocol.Setup.Model"/> and <see cref="Protocol.Setup.SessionResumption"/> are filled in from
    /// these options. Code only: not read from HOCON.
    /// </summary>
    public Setup? Setup { get; init; }

    /// <summary>
    /// The conversation so far, given to every new server session before anything else (not to a resumed one, which has
    /// it): user and model turns. On <see cref="Models.ModelFamily.Gemini3"/> models it goes as <c>clientContent</c>
    /// with <c>setup.historyConfig.initialHistoryInClientContent</c> and does not start a reply; on
    /// <see cref="Models.ModelFamily.Gemini2"/> models as <c>clientContent</c> with turnComplete false. Code only.
    /// </summary>
    public IReadOnlyList<Content>? InitialHistory { get; init; }

    /// <summary>Reads options from HOCON: <paramref name="config"/> is the <c>live-actors</c> section or a config holding it.</summary>
    public static LiveConnectionOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.HasPath(LiveActorsConfig.Section) ? config.GetConfig(LiveActorsConfig.Section) : config;
        return LiveOptionsBinder.Apply(new LiveConnectionOptions(), new HoconSettingSource(section));
    }

    /// <summary>
    /// Reads options from an <see cref="IConfiguration"/> section such as <c>configuration.GetSection("LiveActors")</c>.
    /// Keys are the HOCON keys without hyphens (<c>Model</c>, <c>Retry:MaxDelay</c>, <c>SessionResumption:Enabled</c>);
    /// durations are written <c>30s</c>, <c>500ms</c> or <c>00:00:30</c>, sizes <c>16 MiB</c> or a byte count.
    /// </summary>
    public static LiveConnectionOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return LiveOptionsBinder.Apply(new LiveConnectionOptions(), new ConfigurationSettingSource(section));
    }

    /// <summary>
    /// These options with the keys <paramref name="section"/> sets (HOCON-less names, as in <see cref="FromConfiguration"/>)
    /// applied on top; keys it leaves out keep their value here. Code-only options (<see cref="Setup"/>,
    /// <see cref="Credential"/>) are kept.
    /// </summary>
    public LiveConnectionOptions OverriddenBy(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return LiveOptionsBinder.Apply(this, new ConfigurationSettingSource(section));
    }

    /// <summary>These options with the keys a HOCON <c>live-actors</c> section (or a config holding one) sets applied on top.</summary>
    public LiveConnectionOptions OverriddenBy(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.HasPath(LiveActorsConfig.Section) ? config.GetConfig(LiveActorsConfig.Section) : config;
        return LiveOptionsBinder.Apply(this, new HoconSettingSource(section));
    }

    /// <summary>Every problem with these options, in the order of the options table; empty when they are usable.</summary>
    public IReadOnlyList<ConnectionError> Validate() => LiveOptionsValidator.Validate(this);

    /// <summary>Throws a <see cref="LiveConnectionException"/> carrying the first problem <see cref="Validate"/> finds.</summary>
    /// <returns>These options, for chaining.</returns>
    public LiveConnectionOptions ThrowIfInvalid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new LiveConnectionException(errors[0]);
    }

    /// <summary>The options with the API key shown as <c>***</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("LiveConnectionOptions { ");
        text.Append(CultureInfo.InvariantCulture, $"AuthStrategy = {AuthStrategy}, Model = {Model}, ModelFamily = {ModelFamily}, ModelProfile = {ModelProfile?.Name ?? "auto"}, CheckSetupAgainstProfile = {CheckSetupAgainstProfile}, ");
        text.Append(CultureInfo.InvariantCulture, $"ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ");
        text.Append(CultureInfo.InvariantCulture, $"ProjectId = {ProjectId}, Location = {Location}, CredentialsFile = {CredentialsFile}, ");
        text.Append(CultureInfo.InvariantCulture, $"Credential = {(Credential is null ? "(none)" : "(given)")}, TokenProvider = {(TokenProvider is null ? "(none)" : "(given)")}, ");
        text.Append(CultureInfo.InvariantCulture, $"ApiVersion = {ApiVersion}, VertexApiVersion = {VertexApiVersion}, ");
        text.Append(CultureInfo.InvariantCulture, $"BaseAddress = {BaseAddress}, Timeout = {Timeout}, Retry = {Retry}, ");
        text.Append(CultureInfo.InvariantCulture, $"KeepAliveInterval = {KeepAliveInterval}, KeepAliveTimeout = {KeepAliveTimeout}, ");
        text.Append(CultureInfo.InvariantCulture, $"CloseTimeout = {CloseTimeout}, ReceiveTimeout = {ReceiveTimeout}, ");
        text.Append(CultureInfo.InvariantCulture, $"MaxInboundMessageSize = {MaxInboundMessageSize}, InboxCapacity = {InboxCapacity}, InboxMaxBytes = {InboxMaxBytes}, ");
        text.Append(CultureInfo.InvariantCulture, $"OutboundQueue = {OutboundQueue}, Transport = {Transport}, SessionResumption = {SessionResumption}, ");
        text.Append(CultureInfo.InvariantCulture, $"Setup = {(Setup is null ? "(default)" : "(custom)")}, InitialHistory = {InitialHistory?.Count ?? 0} turns }}");
        return text.ToString();
    }
}
