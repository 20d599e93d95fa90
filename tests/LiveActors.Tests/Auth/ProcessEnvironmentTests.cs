using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Supervision;
using LiveActors.Tests.Support;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

/// <summary>Tests that change the process environment run alone, after the parallel ones, and put it back.</summary>
[Collection(IsolatedCollection.Name)]
public sealed class ProcessEnvironmentTests
{
    private static readonly LiveConnectionOptions NoKey = new() { Model = "gemini-3.8-live", ApiKey = null };

    [Fact]
    public void The_public_props_read_the_api_key_from_the_process_environment()
    {
        using (Variables(("GEMINI_API_KEY", null), ("GOOGLE_API_KEY", null)))
        {
            Assert.Same(NoApiKey.Instance, Assert.Throws<LiveConnectionException>(() => ConnectionSupervisor.Props(NoKey)).Error);
        }

        using (Variables(("GEMINI_API_KEY", null), ("GOOGLE_API_KEY", "process-google-key")))
        {
            Assert.NotNull(ConnectionSupervisor.Props(NoKey));
            Assert.Equal("process-google-key", CredentialResolver.Resolve(NoKey, LiveEnvironment.Process).Options.ApiKey);
        }
    }

    private static Restore Variables(params (string Name, string? Value)[] values)
    {
        var saved = values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToList();
        foreach (var (name, value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        return new Restore(saved);
    }

    private sealed class Restore(List<(string Name, string? Value)> saved) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
