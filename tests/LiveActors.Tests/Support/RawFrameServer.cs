using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace LiveActors.Tests.Support;

/// <summary>
/// A Live API server written out byte by byte on loopback, for what the emulator cannot script: several frames, or
/// frames and the connection's end, in one TCP write, so that the client finds them all there at once. It takes one
/// connection, answers the upgrade, reads the setup message and answers setupComplete; the test says what comes next.
/// </summary>
internal sealed class RawFrameServer : IAsyncDisposable
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<TcpClient> _connected;

    public RawFrameServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _connected = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>A server-to-client text frame (unmasked, final) holding <paramref name="json"/>.</summary>
    public static byte[] Frame(string json) => Frame(0x1, Encoding.UTF8.GetBytes(json));

    /// <summary>A close frame with <paramref name="code"/>.</summary>
    public static byte[] CloseFrame(int code)
    {
        var payload = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code);
        return Frame(0x8, payload);
    }

    /// <summary>Once the session is set up, writes <paramref name="frames"/> in one write.</summary>
    public async Task WriteAsync(params byte[][] frames)
    {
        var client = await _connected.WaitAsync(TimeSpan.FromSeconds(15));
        await client.GetStream().WriteAsync(frames.SelectMany(f => f).ToArray());
    }

    /// <summary>Once the session is set up, writes <paramref name="frames"/> and resets the connection, all at once.</summary>
    public async Task WriteAndResetAsync(params byte[][] frames)
    {
        var client = await _connected.WaitAsync(TimeSpan.FromSeconds(15));
        await client.GetStream().WriteAsync(frames.SelectMany(f => f).ToArray());
        client.Client.LingerState = new LingerOption(true, 0); // a close that sends RST, not FIN
        client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        if (_connected.IsCompletedSuccessfully)
        {
            _connected.Result.Dispose();
        }

        await _connected.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task<TcpClient> AcceptAsync()
    {
        var client = await _listener.AcceptTcpClientAsync();
        client.NoDelay = true;
        var stream = client.GetStream();
        var request = await ReadHeadAsync(stream);
        var key = request.Split("\r\n").Select(l => l.Split(':', 2)).First(h => h[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))[1].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
        await SkipFrameAsync(stream); // the setup message
        await stream.WriteAsync(Frame("""{"setupComplete":{}}"""));
        return client;
    }

    private static byte[] Frame(byte opcode, byte[] payload)
    {
        var header = payload.Length switch
        {
            < 126 => new byte[] { (byte)(0x80 | opcode), (byte)payload.Length },
            <= ushort.MaxValue => [(byte)(0x80 | opcode), 126, (byte)(payload.Length >> 8), (byte)payload.Length],
            _ => throw new ArgumentOutOfRangeException(nameof(payload), "the tests' frames are small."),
        };
        return [.. header, .. payload];
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            await stream.ReadExactlyAsync(one);
            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    private static async Task SkipFrameAsync(NetworkStream stream)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header);
        long length = header[1] & 0x7F;
        if (length >= 126)
        {
            var extended = new byte[length == 126 ? 2 : 8];
            await stream.ReadExactlyAsync(extended);
            length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : (long)BinaryPrimitives.ReadUInt64BigEndian(extended);
        }

        var rest = new byte[length + ((header[1] & 0x80) != 0 ? 4 : 0)]; // the mask key, then the payload
        await stream.ReadExactlyAsync(rest);
    }
}
