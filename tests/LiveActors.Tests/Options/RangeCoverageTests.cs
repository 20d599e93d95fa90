using System.Reflection;
using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Tests.Options;

/// <summary>No numeric option goes without a declared range: not one in Akka.conf, not one on an options type.</summary>
public sealed class RangeCoverageTests
{
    // A version name that happens to start with a digit; it is one of three words, not a number.
    private static readonly string[] NamesThatLookNumeric = [OptionKeys.TransportHttpVersion];

    [Fact]
    public void Every_numeric_key_in_the_embedded_Akka_conf_has_a_declared_range()
    {
        var leaves = Leaves().ToList();
        var numeric = leaves.Where(leaf => leaf.Value.Length > 0 && char.IsAsciiDigit(leaf.Value[0]) && !NamesThatLookNumeric.Contains(leaf.Key));

        var missing = numeric.Where(leaf => OptionRanges.Find(leaf.Key) is null).Select(leaf => leaf.Key).ToList();

        Assert.True(missing.Count == 0, $"no declared range for: {string.Join(", ", missing)}");
        Assert.Contains(leaves, leaf => leaf.Key == OptionKeys.Timeout); // the walk does see nested and top-level keys
        Assert.Contains(leaves, leaf => leaf.Key == OptionKeys.OutboundMaxBytes);
    }

    [Fact]
    public void Every_key_in_the_embedded_Akka_conf_is_a_known_option()
    {
        var known = OptionKeys.All.Concat(OptionKeys.Sessions).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Leaves(), leaf => !known.Contains(leaf.Key));
    }

    [Fact]
    public void Every_declared_range_is_of_a_key_in_Akka_conf_and_holds_its_default()
    {
        var section = LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section);

        Assert.All(OptionRanges.All, range => Assert.True(section.HasPath(range.Key), $"{range.Key} is not in Akka.conf"));
        Assert.Empty(new LiveConnectionOptions { Model = "m" }.Validate());
        Assert.Empty(new LiveSessionsOptions(_ => new LiveConnectionOptions()).Validate());
    }

    [Fact]
    public void Every_numeric_property_of_the_options_types_has_a_declared_range()
    {
        var declared = OptionRanges.All.Select(range => range.Property).ToHashSet(StringComparer.Ordinal);
        var properties = NumericProperties(typeof(LiveConnectionOptions), "").Concat(NumericProperties(typeof(LiveSessionsOptions), "")).ToList();

        Assert.DoesNotContain(properties, path => !declared.Contains(path));
        Assert.Contains("Retry.Attempts", properties);
        Assert.Contains("MaxBufferedPerSession", properties);
    }

    private static IEnumerable<string> NumericProperties(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (kind == typeof(TimeSpan) || kind == typeof(int) || kind == typeof(long) || kind == typeof(double))
            {
                yield return prefix + property.Name;
            }
            else if (kind.Namespace == typeof(RetryOptions).Namespace && kind.Name.EndsWith("Options", StringComparison.Ordinal))
            {
                foreach (var nested in NumericProperties(kind, $"{prefix}{property.Name}."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Leaves() =>
        Leaves(LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section).Root, "");

    private static IEnumerable<KeyValuePair<string, string>> Leaves(Akka.Configuration.Hocon.HoconValue value, string prefix) =>
        value.IsObject()
            ? value.GetObject().Items.SelectMany(item => Leaves(item.Value, prefix + item.Key + "."))
            : [KeyValuePair.Create(prefix.TrimEnd('.'), value.GetString() ?? "")];
}
