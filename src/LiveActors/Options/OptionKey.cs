using System.Text;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Options;

/// <summary>
/// Names of one option in its three spellings, all derived from the HOCON key so they cannot drift apart:
/// <c>retry.max-delay</c> is the property path <c>Retry.MaxDelay</c> and the IConfiguration key <c>Retry:MaxDelay</c>.
/// </summary>
internal static class OptionKey
{
    public static string PropertyPath(string key)
    {
        var path = new StringBuilder(key.Length);
        var upper = true;
        foreach (var c in key)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            path.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = c == '.';
        }

        return path.ToString();
    }

    public static string ConfigurationPath(string key) => PropertyPath(key).Replace('.', ':');

    public static InvalidOption Invalid(string key, string reason) => new(PropertyPath(key), key, reason);
}
