using LiveActors.Options;

namespace LiveActors.Tests.Options;

public sealed class DefaultsTests
{
    private readonly LiveConnectionOptions _defaults = new();

    [Fact]
    public void Defaults_match_gemini_ex()
    {
        Assert.Equal(AuthStrategy.GeminiApi, _defaults.AuthStrategy);
        Assert.Null(_defaults.Location); // the environment's, else us-central1: see CredentialResolutionTests
        Assert.Equal("us-central1", LiveActors.Endpoints.LiveEndpoints.DefaultVertexLocation);
        Assert.Equal("v1beta", _defaults.ApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), _defaults.Timeout);
        Assert.Equal(3, _defaults.Retry.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), _defaults.Retry.Delay);
        Assert.Equal(2.0, _defaults.Retry.Backoff);
        Assert.Equal(TimeSpan.FromSeconds(60), _defaults.ReceiveTimeout);
    }

    [Fact]
    public void Production_defaults_are_set()
    {
        Assert.Equal("", _defaults.Model);
        Assert.Null(_defaults.ApiKey);
        Assert.Null(_defaults.ProjectId);
        Assert.Null(_defaults.CredentialsFile);
        Assert.Null(_defaults.Credential);
        Assert.Null(_defaults.BaseAddress);
        Assert.Equal("v1beta1", _defaults.VertexApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), _defaults.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), _defaults.Retry.ResetAfter);
        Assert.Equal(0.0, _defaults.Retry.Jitter);
        Assert.Equal(TimeSpan.FromSeconds(20), _defaults.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(40), _defaults.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), _defaults.CloseTimeout);
        Assert.Equal(16L * 1024 * 1024, _defaults.MaxInboundMessageSize);
        Assert.Equal(1024, _defaults.InboxCapacity);
        Assert.Equal(1024L * 1024, _defaults.InboxMaxBytes);
        Assert.Equal(1024, _defaults.OutboundQueue.MaxMessages);
        Assert.Equal(16L * 1024 * 1024, _defaults.OutboundQueue.MaxBytes);
        Assert.True(_defaults.SessionResumption.Enabled);
        Assert.Equal(LiveHttpVersion.Http11, _defaults.Transport.HttpVersion);
        Assert.Null(_defaults.Transport.Proxy);
        Assert.Equal(16 * 1024, _defaults.Transport.ReceiveBufferSize);
        Assert.False(_defaults.SessionResumption.Transparent);
        Assert.Null(_defaults.Setup);
    }

    [Fact]
    public void Every_option_key_has_its_default_in_the_embedded_Akka_conf()
    {
        var section = LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section);
        var missing = OptionKeys.All.Concat(OptionKeys.Sessions).Where(key => !section.HasPath(key)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_embedded_config_is_the_repository_Akka_conf()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Akka.conf"));
        var embedded = LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section);
        var parsed = Akka.Configuration.ConfigurationFactory.ParseString(file).GetConfig(LiveActorsConfig.Section);
        Assert.All(OptionKeys.All.Concat(OptionKeys.Sessions), key => Assert.Equal(parsed.GetString(key), embedded.GetString(key)));
    }

    [Fact]
    public void Option_names_derive_from_HOCON_keys()
    {
        Assert.Equal("Retry.MaxDelay", OptionKey.PropertyPath("retry.max-delay"));
        Assert.Equal("Retry:MaxDelay", OptionKey.ConfigurationPath("retry.max-delay"));
        Assert.Equal("SessionResumption.Enabled", OptionKey.PropertyPath("session-resumption.enabled"));
        Assert.Equal("MaxInboundMessageSize", OptionKey.PropertyPath("max-inbound-message-size"));
    }

    [Fact]
    public void Every_option_key_names_a_real_property()
    {
        foreach (var key in OptionKeys.All)
        {
            object? owner = _defaults;
            foreach (var segment in OptionKey.PropertyPath(key).Split('.'))
            {
                var property = owner!.GetType().GetProperty(segment);
                Assert.True(property is not null, $"{key} maps to {OptionKey.PropertyPath(key)}, which does not exist.");
                owner = property.GetValue(owner);
            }
        }
    }
}
