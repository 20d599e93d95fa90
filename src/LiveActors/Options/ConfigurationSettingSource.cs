using Microsoft.Extensions.Configuration;

namespace LiveActors.Options;

/// <summary>Reads option values from an IConfiguration section (appsettings.json, environment variables, ...).</summary>
internal sealed class ConfigurationSettingSource(IConfiguration section) : ISettingSource
{
    public string? Find(string key) => section[OptionKey.ConfigurationPath(key)];
}
