using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Host;

/// <summary>
/// The one line a failed session ends the host with: what went wrong, in the library's words, and what to try, chosen
/// by the error of the last attempt (a give-up after retries is about the attempt that failed last).
/// </summary>
internal static class FailureAdvice
{
    /// <summary>The line, without the <c>error:</c> prefix; never holds a key or handle, as no error message does.</summary>
    public static string Line(ConnectionError error) => $"{error.Message.TrimEnd('.')}; {WhatToTry(error)}";

    /// <summary>What a person can do about <paramref name="error"/>.</summary>
    public static string WhatToTry(ConnectionError error) => error switch
    {
        MaxRetriesExceeded retries => WhatToTry(retries.LastError),
        OpenFailed { IsCertificateError: true } => "check the server's TLS certificate and the address (--base-address).",
        OpenFailed => "check the network, DNS, a proxy and the address (--base-address), then run again.",
        UpgradeTimeout => "the endpoint did not answer in time: check the network or proxy, or allow longer with --timeout.",
        UpgradeFailed { Status: 401 or 403 } => "check the API key (GEMINI_API_KEY / GOOGLE_API_KEY) or the Vertex AI credentials, and their access to the model.",
        UpgradeFailed { Status: 404 } => "check --model, --api-version and the address (--base-address).",
        UpgradeFailed { Status: 429 } => "the quota is used up for now: wait, then run again.",
        UpgradeFailed { IsRetryable: true } => "the service is unavailable: run again later.",
        UpgradeFailed => "check --model, --api-version and the credentials.",
        AuthenticationFailed => "check the credentials (--vertex: VERTEX_ACCESS_TOKEN, GOOGLE_APPLICATION_CREDENTIALS or gcloud ADC).",
        ServerClosed { CloseCode: 1007 or 1008 } => "the service refused the setup or a message: check --model and the options.",
        ConnectionFailed or UpgradeError or ServerClosed => "the connection broke: check the network or proxy, then run again (--verbose shows more).",
        _ => "run again with --verbose for the details.",
    };
}
