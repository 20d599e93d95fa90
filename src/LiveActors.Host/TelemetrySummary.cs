using System.Diagnostics.Metrics;
using System.Globalization;
using LiveActors.Telemetry;

namespace LiveActors.Host;

/// <summary>Listens to the LiveActors meter for one run and sums it up in one line in which every figure is named:
/// messages and bytes sent and received, the time of each connect, and the retries.</summary>
internal sealed class TelemetrySummary : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private long _sent;
    private long _sentBytes;
    private long _received;
    private long _receivedBytes;
    private long _retries;
    private readonly List<double> _connects = [];

    public TelemetrySummary()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_gate)
            {
                switch (instrument.Name)
                {
                    case "live.messages.sent": _sent += value; break;
                    case "live.bytes.sent": _sentBytes += value; break;
                    case "live.messages.received": _received += value; break;
                    case "live.bytes.received": _receivedBytes += value; break;
                    case "live.retries": _retries += value; break;
                }
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "live.connect.duration")
            {
                lock (_gate)
                {
                    _connects.Add(value);
                }
            }
        });
        _listener.Start();
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var connect = _connects.Count == 0 ? "none" : string.Join(", ", _connects.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s * 1000:0} ms")));
            return string.Create(CultureInfo.InvariantCulture,
                $"[telemetry: messages sent {_sent} ({Size(_sentBytes)}), messages received {_received} ({Size(_receivedBytes)}), connect time {connect}, retries {_retries}]");
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MiB"),
    };
}
