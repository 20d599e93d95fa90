using Google.Apis.Auth.OAuth2;

namespace LiveActors.Auth;

/// <summary>A Google credential with the project its file named, if any.</summary>
internal sealed record LoadedCredential(GoogleCredential Credential, string? ProjectId);
