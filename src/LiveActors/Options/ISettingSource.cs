namespace LiveActors.Options;

/// <summary>Where option values come from, looked up by HOCON key: HOCON itself or an IConfiguration section.</summary>
internal interface ISettingSource
{
    /// <summary>The raw value for <paramref name="key"/>, or null when the source does not set it.</summary>
    string? Find(string key);
}
