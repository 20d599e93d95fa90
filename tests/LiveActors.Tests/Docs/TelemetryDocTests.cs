using System.Reflection;
using LiveActors.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveActors.Tests.Docs;

/// <summary>docs/telemetry.md's table of log event ids is the code's: every id, level and message, and nothing else.</summary>
public sealed class TelemetryDocTests
{
    [Fact]
    public void The_log_table_lists_every_event_id_with_its_level_name_and_message()
    {
        var inCode = typeof(Log).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => $"{m.Attribute!.EventId} | {m.Attribute.Level} | {m.Method.Name} | {m.Attribute.Message}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var inDoc = DocTables.Rows("telemetry.md", cell => int.TryParse(cell, out _))
            .Select(cells => string.Join(" | ", cells))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(inCode);
        Assert.Equal(inCode, inDoc);
    }
}
