using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LiveActors.Tests.Support;

/// <summary>
/// A minimal HTTP CONNECT proxy on loopback: it reads the CONNECT request, opens the tunnel, answers 200 and pumps bytes
/// both ways. It counts the tunnels it opened, so a test can tell the traffic went through it.
/// </summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _tunnels;

    public ConnectProxy()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public int Tunnels => Volatile.Read(ref _tunnels);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = TunnelAsync(client);
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = await ReadHeadAsync(stream);
            if (request.Split(' ') is not ["CONNECT", var target, ..] || target.Split(':') is not [var host, var port])
            {
                await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), _stopping.Token);
                return;
            }

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), _stopping.Token);
            Interlocked.Increment(ref _tunnels);
            await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stopping.Token);
            var server = upstream.GetStream();
            await Task.WhenAny(stream.CopyToAsync(server, _stopping.Token), server.CopyToAsync(stream, _stopping.Token));
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stopping.Token) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
