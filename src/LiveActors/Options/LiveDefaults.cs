using LiveActors.Errors;
using LiveActors.Models;

namespace LiveActors.Options;

/// <summary>
/// The default of every option, read once from the embedded <c>Akka.conf</c>: option types initialize their
/// properties from here, so no default value is written twice.
/// </summary>
internal static class LiveDefaults
{
    private static readonly HoconSettingSource Reference =
        new(LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section));

    public static readonly AuthStrategy AuthStrategy = Read(OptionKeys.AuthStrategy, SettingParsers.Strategy);
    public static readonly string Model = Read(OptionKeys.Model, SettingParsers.Text);
    public static readonly ModelFamily ModelFamily = Read(OptionKeys.ModelFamily, SettingParsers.ModelFamily);
    public static readonly ModelProfile? ModelProfile = Read(OptionKeys.ModelProfile, SettingParsers.ModelProfile);
    public static readonly bool CheckSetupAgainstProfile = Read(OptionKeys.CheckSetupAgainstProfile, SettingParsers.Bool);
    public static readonly string? ApiKey = Read(OptionKeys.ApiKey, SettingParsers.OptionalText);
    public static readonly string? ProjectId = Read(OptionKeys.ProjectId, SettingParsers.OptionalText);
    public static readonly string? Location = Read(OptionKeys.Location, SettingParsers.OptionalText);
    public static readonly string? CredentialsFile = Read(OptionKeys.CredentialsFile, SettingParsers.OptionalText);
    public static readonly string ApiVersion = Read(OptionKeys.ApiVersion, SettingParsers.Text);
    public static readonly string VertexApiVersion = Read(OptionKeys.VertexApiVersion, SettingParsers.Text);
    public static readonly Uri? BaseAddress = Read(OptionKeys.BaseAddress, SettingParsers.OptionalUri);
    public static readonly TimeSpan Timeout = Read(OptionKeys.Timeout, SettingParsers.Duration);
    public static readonly int RetryAttempts = Read(OptionKeys.RetryAttempts, SettingParsers.Int);
    public static readonly TimeSpan RetryDelay = Read(OptionKeys.RetryDelay, SettingParsers.Duration);
    public static readonly double RetryBackoff = Read(OptionKeys.RetryBackoff, SettingParsers.Double);
    public static readonly TimeSpan RetryMaxDelay = Read(OptionKeys.RetryMaxDelay, SettingParsers.Duration);
    public static readonly double RetryJitter = Read(OptionKeys.RetryJitter, SettingParsers.Double);
    public static readonly TimeSpan RetryResetAfter = Read(OptionKeys.RetryResetAfter, SettingParsers.Duration);
    public static readonly TimeSpan KeepAliveInterval = Read(OptionKeys.KeepAliveInterval, SettingParsers.Duration);
    public static readonly TimeSpan KeepAliveTimeout = Read(OptionKeys.KeepAliveTimeout, SettingParsers.Duration);
    public static readonly TimeSpan CloseTimeout = Read(OptionKeys.CloseTimeout, SettingParsers.Duration);
    public static readonly TimeSpan ReceiveTimeout = Read(OptionKeys.ReceiveTimeout, SettingParsers.Duration);
    public static readonly long MaxInboundMessageSize = Read(OptionKeys.MaxInboundMessageSize, SettingParsers.Size);
    public static readonly int InboxCapacity = Read(OptionKeys.InboxCapacity, SettingParsers.Int);
    public static readonly long InboxMaxBytes = Read(OptionKeys.InboxMaxBytes, SettingParsers.Size);
    public static readonly int OutboundMaxMessages = Read(OptionKeys.OutboundMaxMessages, SettingParsers.Int);
    public static readonly long OutboundMaxBytes = Read(OptionKeys.OutboundMaxBytes, SettingParsers.Size);
    public static readonly bool ResumptionEnabled = Read(OptionKeys.ResumptionEnabled, SettingParsers.Bool);
    public static readonly bool ResumptionTransparent = Read(OptionKeys.ResumptionTransparent, SettingParsers.Bool);
    public static readonly bool ResumptionAskAgainAfterCutReply = Read(OptionKeys.ResumptionAskAgainAfterCutReply, SettingParsers.Bool);
    public static readonly LostToolResults ResumptionLostToolResults = Read(OptionKeys.ResumptionLostToolResults, SettingParsers.LostToolResults);
    public static readonly int ResumptionMaxResumesPerHandle = Read(OptionKeys.ResumptionMaxResumesPerHandle, SettingParsers.Int);
    public static readonly int ResumptionReseedExchanges = Read(OptionKeys.ResumptionReseedExchanges, SettingParsers.Int);
    public static readonly UncertainDelivery ResumptionUncertainMessages = Read(OptionKeys.ResumptionUncertainMessages, SettingParsers.UncertainDelivery);
    public static readonly LiveHttpVersion HttpVersion = Read(OptionKeys.TransportHttpVersion, SettingParsers.HttpVersion);
    public static readonly string? Proxy = Read(OptionKeys.TransportProxy, SettingParsers.OptionalText);
    public static readonly int ReceiveBufferSize = Read(OptionKeys.TransportReceiveBufferSize, SettingParsers.IntSize);

    public static readonly TimeSpan? SessionsPassivateAfter = Read(OptionKeys.SessionsPassivateAfter, SettingParsers.OptionalDuration);
    public static readonly int SessionsMaxOpen = Read(OptionKeys.SessionsMaxOpen, SettingParsers.Int);
    public static readonly bool SessionsPersistence = Read(OptionKeys.SessionsPersistence, SettingParsers.Bool);
    public static readonly TimeSpan SessionsHandleValidity = Read(OptionKeys.SessionsHandleValidity, SettingParsers.Duration);
    public static readonly bool SessionsRecoverOpen = Read(OptionKeys.SessionsRecoverOpen, SettingParsers.Bool);
    public static readonly string SessionsStateFile = Read(OptionKeys.SessionsStateFile, SettingParsers.Text);
    public static readonly int SessionsMaxBuffered = Read(OptionKeys.SessionsMaxBuffered, SettingParsers.Int);

    private static T Read<T>(string key, Func<string, string, T> parse) =>
        Reference.Find(key) is { } raw
            ? parse(key, raw)
            : throw new LiveConnectionException(OptionKey.Invalid(key, "has no default in the embedded Akka.conf."));
}
