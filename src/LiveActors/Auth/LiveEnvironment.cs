namespace LiveActors.Auth;

/// <summary>
/// Where environment variables come from: the process by default, a dictionary in tests, so that no test has to
/// change the process environment that other tests see.
/// </summary>
internal sealed class LiveEnvironment(Func<string, string?> variable)
{
    /// <summary>The process environment.</summary>
    public static LiveEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>A variable's trimmed value, or null when it is unset or blank.</summary>
    public string? this[string name] => variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The first of <paramref name="names"/> that is set, with its name (for error messages).</summary>
    public (string Name, string Value)? First(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (this[name] is { } value)
            {
                return (name, value);
            }
        }

        return null;
    }

    /// <summary>
    /// Where <c>gcloud auth application-default login</c> writes its credential: under <c>CLOUDSDK_CONFIG</c> if set,
    /// else <c>%APPDATA%\gcloud</c> on Windows and <c>~/.config/gcloud</c> elsewhere. Null when no base folder is known.
    /// </summary>
    public string? GcloudApplicationDefaultFile()
    {
        const string FileName = "application_default_credentials.json";
        if (this["CLOUDSDK_CONFIG"] is { } config)
        {
            return Path.Combine(config, FileName);
        }

        return OperatingSystem.IsWindows()
            ? this["APPDATA"] is { } appData ? Path.Combine(appData, "gcloud", FileName) : null
            : this["HOME"] is { } home ? Path.Combine(home, ".config", "gcloud", FileName) : null;
    }
}
