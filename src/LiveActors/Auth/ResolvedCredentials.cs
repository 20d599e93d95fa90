using LiveActors.Options;

namespace LiveActors.Auth;

/// <summary>
/// Options with every credential-related value filled in (API key, project, location), the headers each connect
/// attempt sends, and where the credential came from (for the log; never the secret itself).
/// </summary>
internal sealed record ResolvedCredentials(LiveConnectionOptions Options, IHeaderSource Headers, string Source);
