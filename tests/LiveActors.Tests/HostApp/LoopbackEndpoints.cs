using System.Net;
using System.Net.Sockets;

namespace LiveActors.Tests.HostApp;

/// <summary>Loopback addresses a host can be pointed at to fail in a known way: a closed port, and a blackhole.</summary>
internal static class LoopbackEndpoints
{
    /// <summary>A port nothing listens on: bound for a moment to learn a free one, then released, so connects are refused.</summary>
    public static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"ws://127.0.0.1:{port}");
    }
}

/// <summary>
/// A listener that accepts every connection and reads whatever comes, and never answers: the WebSocket upgrade waits
/// forever, as behind a proxy that swallows packets. Stops with the test.
/// </summary>
internal sealed class Blackhole : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public Blackhole()
    {
        _listener.Start();
        Address = new Uri($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>How many connections it swallowed.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var swallowing = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                swallowing.Add(SwallowAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(swallowing);
    }

    private async Task SwallowAsync(TcpClient client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            try
            {
                while (await client.GetStream().ReadAsync(buffer, _stop.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }
}
