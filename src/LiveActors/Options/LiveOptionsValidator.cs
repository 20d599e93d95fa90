using LiveActors.Errors;
using LiveActors.Models;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Options;

/// <summary>Checks options before any socket opens, so a mistake is reported once, by name, and not retried.</summary>
internal static class LiveOptionsValidator
{
    public static readonly IReadOnlyList<string> GeminiApiVersions = ["v1", "v1beta", "v1alpha"];
    public static readonly IReadOnlyList<string> VertexApiVersions = ["v1", "v1beta1"];

    public static IReadOnlyList<ConnectionError> Validate(LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ConnectionError>();
        void Check(bool ok, string key, string reason)
        {
            if (!ok)
            {
                errors.Add(OptionKey.Invalid(key, reason));
            }
        }

        var vertex = options.AuthStrategy == AuthStrategy.VertexAi;
        Check(!string.IsNullOrWhiteSpace(options.Model), OptionKeys.Model,
            "is required: name a Live model such as gemini-3.8-live.");
        Check(options.ProjectId is null || IsProjectId(options.ProjectId), OptionKeys.ProjectId, ProjectIdRule);
        Check(options.Location is null || IsLocation(options.Location), OptionKeys.Location, LocationRule(options.Location));
        Check(vertex || (options.CredentialsFile is null && options.Credential is null), OptionKeys.CredentialsFile,
            "and Credential are for vertex-ai; the Gemini API authenticates with api-key.");
        Check(!vertex || options.TokenProvider is null, OptionKeys.AuthStrategy,
            "is vertex-ai, but TokenProvider gives Gemini API ephemeral tokens: Vertex AI authenticates with a Google credential.");
        Check(GeminiApiVersions.Contains(options.ApiVersion), OptionKeys.ApiVersion,
            $"must be one of {string.Join(", ", GeminiApiVersions)} (was '{options.ApiVersion}').");
        Check(VertexApiVersions.Contains(options.VertexApiVersion), OptionKeys.VertexApiVersion,
            $"must be one of {string.Join(", ", VertexApiVersions)} (was '{options.VertexApiVersion}').");
        CheckBaseAddress(options.BaseAddress, Check);
        if (options.CheckSetupAgainstProfile && !string.IsNullOrWhiteSpace(options.Model))
        {
            var model = options.Setup?.Model is { Length: > 0 } named ? named : options.Model;
            errors.AddRange(ProfileSetupCheck.Refusals(options.Model, FamilyProfiles.Resolve(model, options.ModelProfile, options.ModelFamily), options.Setup));
        }

        CheckRange(OptionKeys.Timeout, options.Timeout, errors);
        CheckRange(OptionKeys.RetryAttempts, options.Retry.Attempts, errors);
        CheckRange(OptionKeys.RetryDelay, options.Retry.Delay, errors);
        CheckRange(OptionKeys.RetryBackoff, options.Retry.Backoff, errors);
        CheckRange(OptionKeys.RetryMaxDelay, options.Retry.MaxDelay, errors);
        Check(options.Retry.MaxDelay >= options.Retry.Delay, OptionKeys.RetryMaxDelay,
            $"must be at least retry.delay ({options.Retry.Delay}) (was {options.Retry.MaxDelay}).");
        CheckRange(OptionKeys.RetryJitter, options.Retry.Jitter, errors);
        CheckRange(OptionKeys.RetryResetAfter, options.Retry.ResetAfter, errors);
        CheckRange(OptionKeys.KeepAliveInterval, options.KeepAliveInterval, errors);
        CheckRange(OptionKeys.KeepAliveTimeout, options.KeepAliveTimeout, errors);
        CheckRange(OptionKeys.CloseTimeout, options.CloseTimeout, errors);
        CheckRange(OptionKeys.ReceiveTimeout, options.ReceiveTimeout, errors);
        CheckRange(OptionKeys.MaxInboundMessageSize, options.MaxInboundMessageSize, errors);
        CheckRange(OptionKeys.InboxCapacity, options.InboxCapacity, errors);
        CheckRange(OptionKeys.InboxMaxBytes, options.InboxMaxBytes, errors);
        CheckRange(OptionKeys.OutboundMaxMessages, options.OutboundQueue.MaxMessages, errors);
        CheckRange(OptionKeys.OutboundMaxBytes, options.OutboundQueue.MaxBytes, errors);
        CheckRange(OptionKeys.ResumptionMaxResumesPerHandle, options.SessionResumption.MaxResumesPerHandle, errors);
        CheckRange(OptionKeys.ResumptionReseedExchanges, options.SessionResumption.ReseedExchanges, errors);
        Check(!options.SessionResumption.Transparent || vertex, OptionKeys.ResumptionTransparent,
            "is supported by Vertex AI only; turn it off for the Gemini API.");
        Check(!options.SessionResumption.Transparent || options.SessionResumption.Enabled, OptionKeys.ResumptionTransparent,
            "needs session-resumption.enabled = on.");
        Check(options.SessionResumption.Handle is null || options.SessionResumption.Enabled, OptionKeys.ResumptionHandle,
            "needs session-resumption.enabled = on: a session resumes from a handle only when it asks for resumption.");
        Check(options.SessionResumption.Handle is null || !string.IsNullOrWhiteSpace(options.SessionResumption.Handle), OptionKeys.ResumptionHandle,
            "must not be blank: leave it unset for a fresh session.");
        CheckRange(OptionKeys.TransportReceiveBufferSize, options.Transport.ReceiveBufferSize, errors);
        Check(options.Transport.Proxy is null or "none" or "system" || IsProxyAddress(options.Transport.Proxy), OptionKeys.TransportProxy,
            "must be empty or system (the system's proxy), none (direct), or an absolute http:// or https:// address without credentials.");
        return errors;
    }

    private static bool IsProxyAddress(string proxy) =>
        Uri.TryCreate(proxy, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0;

    /// <summary>Adds the refusal of <paramref name="value"/> when it is outside the range <see cref="OptionRanges"/> declares for <paramref name="key"/>.</summary>
    public static void CheckRange(string key, TimeSpan value, List<ConnectionError> errors) => Add(OptionRanges.For(key).Check(value), errors);

    /// <inheritdoc cref="CheckRange(string, TimeSpan, List{ConnectionError})"/>
    public static void CheckRange(string key, long value, List<ConnectionError> errors) => Add(OptionRanges.For(key).Check(value), errors);

    /// <inheritdoc cref="CheckRange(string, TimeSpan, List{ConnectionError})"/>
    public static void CheckRange(string key, double value, List<ConnectionError> errors) => Add(OptionRanges.For(key).Check(value), errors);

    private static void Add(InvalidOption? error, List<ConnectionError> errors)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    private static void CheckBaseAddress(Uri? address, Action<bool, string, string> check)
    {
        if (address is null)
        {
            return;
        }

        check(address.IsAbsoluteUri && address.Scheme is "ws" or "wss" or "http" or "https", OptionKeys.BaseAddress,
            "must be an absolute ws://, wss://, http:// or https:// address.");
        check(!address.IsAbsoluteUri || (address.UserInfo.Length == 0 && address.Query.Length == 0), OptionKeys.BaseAddress,
            "must not carry user info or a query string: credentials travel in headers, never in URLs.");
    }

    public const string ProjectIdRule = "may hold only letters, digits, '-', '.' and ':'.";

    public static string LocationRule(string? location) =>
        $"must be a location such as us-central1, global, us or eu (was '{location}').";

    public static bool IsLocation(string location) =>
        location.Length > 0 && location.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static bool IsProjectId(string projectId) =>
        projectId.Length > 0 && projectId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':');
}
