using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiveActors.Telemetry;

namespace LiveActors.Tests.Support;

/// <summary>
/// What the LiveActors meter's histograms of the given names record, with the tags of each record. Tests run sessions
/// side by side, so each looks only at the records of its own model (<see cref="Of"/>).
/// </summary>
internal sealed class HistogramRecords : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Record> _records = new();

    public HistogramRecords(params string[] names)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveTelemetry.Name && names.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _records.Enqueue(new Record(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    /// <summary>The records of histogram <paramref name="name"/> tagged with <paramref name="model"/>, oldest first.</summary>
    public IReadOnlyList<Record> Of(string name, string model) =>
        [.. _records.Where(r => r.Name == name && Equals(r.Tags.GetValueOrDefault("gen_ai.request.model"), model))];

    public void Dispose() => _listener.Dispose();

    /// <summary>One value with its tags.</summary>
    internal sealed record Record(string Name, double Value, Dictionary<string, object?> Tags);
}
