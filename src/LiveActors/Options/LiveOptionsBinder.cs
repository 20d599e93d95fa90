namespace LiveActors.Options;

/// <summary>Applies the values a setting source sets on top of existing options; keys it leaves out keep their value.</summary>
internal static class LiveOptionsBinder
{
    public static LiveConnectionOptions Apply(LiveConnectionOptions options, ISettingSource source) => options with
    {
        AuthStrategy = Read(source, OptionKeys.AuthStrategy, SettingParsers.Strategy, options.AuthStrategy),
        Model = Read(source, OptionKeys.Model, SettingParsers.Text, options.Model),
        ModelFamily = Read(source, OptionKeys.ModelFamily, SettingParsers.ModelFamily, options.ModelFamily),
        ModelProfile = Read(source, OptionKeys.ModelProfile, SettingParsers.ModelProfile, options.ModelProfile),
        CheckSetupAgainstProfile = Read(source, OptionKeys.CheckSetupAgainstProfile, SettingParsers.Bool, options.CheckSetupAgainstProfile),
        ApiKey = Read(source, OptionKeys.ApiKey, SettingParsers.OptionalText, options.ApiKey),
        ProjectId = Read(source, OptionKeys.ProjectId, SettingParsers.OptionalText, options.ProjectId),
        Location = Read(source, OptionKeys.Location, SettingParsers.OptionalText, options.Location),
        CredentialsFile = Read(source, OptionKeys.CredentialsFile, SettingParsers.OptionalText, options.CredentialsFile),
        ApiVersion = Read(source, OptionKeys.ApiVersion, SettingParsers.Text, options.ApiVersion),
        VertexApiVersion = Read(source, OptionKeys.VertexApiVersion, SettingParsers.Text, options.VertexApiVersion),
        BaseAddress = Read(source, OptionKeys.BaseAddress, SettingParsers.OptionalUri, options.BaseAddress),
        Timeout = Read(source, OptionKeys.Timeout, SettingParsers.Duration, options.Timeout),
        Retry = options.Retry with
        {
            Attempts = Read(source, OptionKeys.RetryAttempts, SettingParsers.Int, options.Retry.Attempts),
            Delay = Read(source, OptionKeys.RetryDelay, SettingParsers.Duration, options.Retry.Delay),
            Backoff = Read(source, OptionKeys.RetryBackoff, SettingParsers.Double, options.Retry.Backoff),
            MaxDelay = Read(source, OptionKeys.RetryMaxDelay, SettingParsers.Duration, options.Retry.MaxDelay),
            Jitter = Read(source, OptionKeys.RetryJitter, SettingParsers.Double, options.Retry.Jitter),
            ResetAfter = Read(source, OptionKeys.RetryResetAfter, SettingParsers.Duration, options.Retry.ResetAfter),
        },
        KeepAliveInterval = Read(source, OptionKeys.KeepAliveInterval, SettingParsers.Duration, options.KeepAliveInterval),
        KeepAliveTimeout = Read(source, OptionKeys.KeepAliveTimeout, SettingParsers.Duration, options.KeepAliveTimeout),
        CloseTimeout = Read(source, OptionKeys.CloseTimeout, SettingParsers.Duration, options.CloseTimeout),
        ReceiveTimeout = Read(source, OptionKeys.ReceiveTimeout, SettingParsers.Duration, options.ReceiveTimeout),
        MaxInboundMessageSize = Read(source, OptionKeys.MaxInboundMessageSize, SettingParsers.Size, options.MaxInboundMessageSize),
        InboxCapacity = Read(source, OptionKeys.InboxCapacity, SettingParsers.Int, options.InboxCapacity),
        InboxMaxBytes = Read(source, OptionKeys.InboxMaxBytes, SettingParsers.Size, options.InboxMaxBytes),
        OutboundQueue = options.OutboundQueue with
        {
            MaxMessages = Read(source, OptionKeys.OutboundMaxMessages, SettingParsers.Int, options.OutboundQueue.MaxMessages),
            MaxBytes = Read(source, OptionKeys.OutboundMaxBytes, SettingParsers.Size, options.OutboundQueue.MaxBytes),
        },
        Transport = options.Transport with
        {
            HttpVersion = Read(source, OptionKeys.TransportHttpVersion, SettingParsers.HttpVersion, options.Transport.HttpVersion),
            Proxy = Read(source, OptionKeys.TransportProxy, SettingParsers.OptionalText, options.Transport.Proxy),
            ReceiveBufferSize = Read(source, OptionKeys.TransportReceiveBufferSize, SettingParsers.IntSize, options.Transport.ReceiveBufferSize),
        },
        SessionResumption = options.SessionResumption with
        {
            Enabled = Read(source, OptionKeys.ResumptionEnabled, SettingParsers.Bool, options.SessionResumption.Enabled),
            Transparent = Read(source, OptionKeys.ResumptionTransparent, SettingParsers.Bool, options.SessionResumption.Transparent),
            Handle = Read(source, OptionKeys.ResumptionHandle, SettingParsers.OptionalText, options.SessionResumption.Handle),
            AskAgainAfterCutReply = Read(source, OptionKeys.ResumptionAskAgainAfterCutReply, SettingParsers.Bool, options.SessionResumption.AskAgainAfterCutReply),
            LostToolResults = Read(source, OptionKeys.ResumptionLostToolResults, SettingParsers.LostToolResults, options.SessionResumption.LostToolResults),
            MaxResumesPerHandle = Read(source, OptionKeys.ResumptionMaxResumesPerHandle, SettingParsers.Int, options.SessionResumption.MaxResumesPerHandle),
            ReseedExchanges = Read(source, OptionKeys.ResumptionReseedExchanges, SettingParsers.Int, options.SessionResumption.ReseedExchanges),
            UncertainMessages = Read(source, OptionKeys.ResumptionUncertainMessages, SettingParsers.UncertainDelivery, options.SessionResumption.UncertainMessages),
        },
    };

    private static T Read<T>(ISettingSource source, string key, Func<string, string, T> parse, T current) =>
        source.Find(key) is { } raw ? parse(key, raw) : current;
}
