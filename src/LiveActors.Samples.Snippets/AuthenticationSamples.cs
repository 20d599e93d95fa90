using LiveActors.Auth;
using LiveActors.Options;
using LiveActors.Protocol;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "Authentication" snippets.</summary>
internal static class AuthenticationSamples
{
    public static async Task<string> MintAsync(HttpClient httpClient, string apiKey)
    {
        var minter = new EphemeralTokenClient(httpClient, apiKey);          // or (httpClient, options): the key from the environment
        var token = await minter.CreateAsync(new EphemeralTokenRequest
        {
            Uses = 1,                                                       // resuming a session does not spend a use
            ExpireTime = DateTimeOffset.UtcNow.AddMinutes(30),
            NewSessionExpireTime = DateTimeOffset.UtcNow.AddMinutes(1),
            LockedSetup = new Setup { Model = "gemini-live-2.5-flash-preview" },
        });
        // hand token.Name to the client; token.ToString() shows "auth_tokens/***"
        return token.Name;
    }

    public static LiveConnectionOptions Vertex()
    {
        var options = new LiveConnectionOptions
        {
            AuthStrategy = AuthStrategy.VertexAi,
            Model = "gemini-live-2.5-flash",
            Credential = VertexCredentials.FromFile("service-account.json"),  // or FromStream, FromJson, FromAccessToken,
        };                                                                     // await FromApplicationDefaultAsync()
        return options;
    }
}
