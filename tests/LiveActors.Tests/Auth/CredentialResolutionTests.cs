using Google.Apis.Auth.OAuth2;
using LiveActors.Auth;
using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Tests.Support;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

public sealed class CredentialResolutionTests
{
    private static readonly LiveConnectionOptions Gemini = new() { Model = "gemini-3.8-live" };

    private static readonly LiveConnectionOptions Vertex = new()
    {
        Model = "gemini-live-2.5-flash",
        AuthStrategy = AuthStrategy.VertexAi,
        Credential = GoogleCredential.FromAccessToken("vertex-token-from-code"),
    };

    [Theory]
    [InlineData("from-options", "from-gemini", "from-google", "from-options")]
    [InlineData(null, "from-gemini", "from-google", "from-gemini")]
    [InlineData(null, null, "from-google", "from-google")]
    [InlineData(" ", "  ", "from-google", "from-google")]
    public async Task The_api_key_comes_from_the_options_then_GEMINI_API_KEY_then_GOOGLE_API_KEY(
        string? option, string? gemini, string? google, string expected)
    {
        var environment = TestEnvironment.With(("GEMINI_API_KEY", gemini), ("GOOGLE_API_KEY", google));

        var resolved = CredentialResolver.Resolve(Gemini with { ApiKey = option }, environment);

        Assert.Equal(expected, resolved.Options.ApiKey);
        var headers = await resolved.Headers.GetHeadersAsync(CancellationToken.None);
        Assert.Contains(new KeyValuePair<string, string>("x-goog-api-key", expected), headers);
        Assert.DoesNotContain(expected, resolved.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void No_key_anywhere_is_NoApiKey()
    {
        var error = Assert.Throws<LiveConnectionException>(() => CredentialResolver.Resolve(Gemini, TestEnvironment.Empty));

        Assert.Same(NoApiKey.Instance, error.Error);
        Assert.Contains("GEMINI_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ephemeral_token_goes_in_Authorization_Token_to_the_constrained_endpoint()
    {
        var resolved = CredentialResolver.Resolve(Gemini, TestEnvironment.With(("GEMINI_API_KEY", "auth_tokens/abc123")));

        var headers = await resolved.Headers.GetHeadersAsync(CancellationToken.None);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Token auth_tokens/abc123"), headers);
        Assert.DoesNotContain(headers, h => h.Key == "x-goog-api-key");
        Assert.EndsWith("BidiGenerateContentConstrained", LiveEndpoints.For(resolved.Options).AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("an ephemeral token", resolved.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("opt-project", "vertex-project", "cloud-project", "opt-project")]
    [InlineData(null, "vertex-project", "cloud-project", "vertex-project")]
    [InlineData(null, null, "cloud-project", "cloud-project")]
    public void The_project_comes_from_the_options_then_VERTEX_PROJECT_ID_then_GOOGLE_CLOUD_PROJECT(
        string? option, string? vertex, string? cloud, string expected)
    {
        var environment = TestEnvironment.With(("VERTEX_PROJECT_ID", vertex), ("GOOGLE_CLOUD_PROJECT", cloud));

        var resolved = CredentialResolver.Resolve(Vertex with { ProjectId = option }, environment);

        Assert.Equal(expected, resolved.Options.ProjectId);
    }

    [Fact]
    public void Without_a_project_anywhere_the_credential_files_own_project_is_used()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"), "project-in-file");

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null, CredentialsFile = key.WriteFile() }, TestEnvironment.Empty);

        Assert.Equal("project-in-file", resolved.Options.ProjectId);
        Assert.Contains("projects/project-in-file/locations/us-central1/", ModelNames.For(resolved.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void No_project_anywhere_is_ProjectIdRequiredForVertexAi()
    {
        var error = Assert.Throws<LiveConnectionException>(() => CredentialResolver.Resolve(Vertex, TestEnvironment.Empty));

        Assert.Same(ProjectIdRequiredForVertexAi.Instance, error.Error);
    }

    [Theory]
    [InlineData("europe-west4", "us-east1", "asia-northeast1", "europe-west4")]
    [InlineData(null, "us-east1", "asia-northeast1", "us-east1")]
    [InlineData(null, null, "asia-northeast1", "asia-northeast1")]
    [InlineData(null, null, null, "us-central1")]
    public void The_location_comes_from_the_options_then_VERTEX_LOCATION_then_GOOGLE_CLOUD_LOCATION_else_us_central1(
        string? option, string? vertex, string? cloud, string expected)
    {
        var environment = TestEnvironment.With(("VERTEX_LOCATION", vertex), ("GOOGLE_CLOUD_LOCATION", cloud));

        var resolved = CredentialResolver.Resolve(Vertex with { ProjectId = "p", Location = option }, environment);

        Assert.Equal(expected, resolved.Options.Location);
        Assert.Equal($"{expected}-aiplatform.googleapis.com", LiveEndpoints.For(resolved.Options).Host);
    }

    [Fact]
    public void A_malformed_location_in_the_environment_is_an_invalid_option_that_names_the_variable()
    {
        var environment = TestEnvironment.With(("VERTEX_LOCATION", "evil.example.com/"));

        var error = Assert.Throws<LiveConnectionException>(() => CredentialResolver.Resolve(Vertex with { ProjectId = "p" }, environment));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal("Location", invalid.Option);
        Assert.Contains("VERTEX_LOCATION", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Credential_option_wins_over_every_other_source()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"));
        var environment = TestEnvironment.With(("VERTEX_ACCESS_TOKEN", "env-token"), ("GOOGLE_APPLICATION_CREDENTIALS", key.WriteFile()));

        var resolved = CredentialResolver.Resolve(Vertex with { ProjectId = "p", CredentialsFile = key.WriteFile() }, environment);

        Assert.Equal("the Credential option", resolved.Source);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Bearer vertex-token-from-code"),
            await resolved.Headers.GetHeadersAsync(CancellationToken.None));
    }

    [Fact]
    public void The_credentials_file_option_wins_over_the_environment()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"));
        var file = key.WriteFile();
        var environment = TestEnvironment.With(("VERTEX_ACCESS_TOKEN", "env-token"));

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null, CredentialsFile = file }, environment);

        Assert.Equal($"the credentials-file {file}", resolved.Source);
    }

    [Fact]
    public async Task VERTEX_ACCESS_TOKEN_wins_over_application_default_credentials()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"));
        var environment = TestEnvironment.With(("VERTEX_ACCESS_TOKEN", "env-token"), ("GOOGLE_APPLICATION_CREDENTIALS", key.WriteFile()));

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null, ProjectId = "p" }, environment);

        Assert.Equal("the access token in VERTEX_ACCESS_TOKEN", resolved.Source);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Bearer env-token"),
            await resolved.Headers.GetHeadersAsync(CancellationToken.None));
    }

    [Fact]
    public void GOOGLE_APPLICATION_CREDENTIALS_wins_over_the_gcloud_file()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"), "adc-project");
        var adcFile = key.WriteFile();
        var gcloudHome = GcloudHomeWith(new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"), "gcloud-project"));
        var environment = TestEnvironment.With(("GOOGLE_APPLICATION_CREDENTIALS", adcFile), ("HOME", gcloudHome), ("APPDATA", gcloudHome));

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null }, environment);

        Assert.Equal($"the credential file in GOOGLE_APPLICATION_CREDENTIALS ({adcFile})", resolved.Source);
        Assert.Equal("adc-project", resolved.Options.ProjectId);
    }

    [Fact]
    public void The_gcloud_application_default_file_is_found_under_the_home_folder()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"), "gcloud-project");
        var home = GcloudHomeWith(key);
        var environment = TestEnvironment.With(("HOME", home), ("APPDATA", home));

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null }, environment);

        Assert.StartsWith("the gcloud ADC file ", resolved.Source, StringComparison.Ordinal);
        Assert.Equal("gcloud-project", resolved.Options.ProjectId);
    }

    [Fact]
    public void With_no_source_at_all_Google_application_default_lookup_runs_at_the_first_connect()
    {
        var environment = TestEnvironment.With(("HOME", Directory.CreateTempSubdirectory().FullName));

        var resolved = CredentialResolver.Resolve(Vertex with { Credential = null, ProjectId = "p" }, environment);

        Assert.Equal("Application Default Credentials (metadata server)", resolved.Source);
    }

    [Fact]
    public void A_missing_credentials_file_is_an_invalid_option_naming_credentials_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "key.json");

        var error = Assert.Throws<LiveConnectionException>(() =>
            CredentialResolver.Resolve(Vertex with { Credential = null, ProjectId = "p", CredentialsFile = missing }, TestEnvironment.Empty));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal("credentials-file", invalid.ConfigKey);
        Assert.Contains(missing, invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("""{"type":"bogus"}""", "bogus")]
    public void A_credentials_file_that_is_not_a_credential_is_an_invalid_option(string content, string expected)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "key.json");
        File.WriteAllText(file, content);

        var error = Assert.Throws<LiveConnectionException>(() =>
            CredentialResolver.Resolve(Vertex with { Credential = null, ProjectId = "p", CredentialsFile = file }, TestEnvironment.Empty));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal("CredentialsFile", invalid.Option);
        Assert.Contains(expected, invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_account_credential_is_scoped_to_cloud_platform()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:9/token"));

        var credential = VertexCredentials.FromJson(key.Json);

        var account = Assert.IsType<ServiceAccountCredential>(credential.UnderlyingCredential);
        Assert.Equal([VertexCredentials.CloudPlatformScope], account.Scopes);
        Assert.Equal(key.ClientEmail, account.Id);
    }

    [Fact]
    public void Credentials_are_for_Vertex_AI_only()
    {
        var error = Assert.Single((Gemini with { ApiKey = "k", CredentialsFile = "/x.json" }).Validate());

        Assert.Equal("credentials-file", Assert.IsType<InvalidOption>(error).ConfigKey);
    }

    private static string GcloudHomeWith(ServiceAccountKey key)
    {
        using (key)
        {
            var home = Directory.CreateTempSubdirectory("liveactors-home-").FullName;
            var folder = OperatingSystem.IsWindows() ? Path.Combine(home, "gcloud") : Path.Combine(home, ".config", "gcloud");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "application_default_credentials.json"), key.Json);
            return home;
        }
    }
}
