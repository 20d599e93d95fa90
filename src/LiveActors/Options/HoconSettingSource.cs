using Akka.Configuration;

namespace LiveActors.Options;

/// <summary>Reads option values from a HOCON <c>live-actors</c> section.</summary>
internal sealed class HoconSettingSource(Config section) : ISettingSource
{
    public string? Find(string key) => section.HasPath(key) ? section.GetString(key) : null;
}
