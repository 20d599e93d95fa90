using LiveActors.Protocol;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "The wire protocol" snippet.</summary>
internal static class WireProtocolSample
{
    public static byte[] Run(ReadOnlyMemory<byte> pcm16kHz, byte[] received)
    {
        var hello = ClientContent.UserText("Hello!");
        var audio = RealtimeInput.Pcm(pcm16kHz);          // audio/pcm;rate=16000, base64 on the wire
        byte[] frame = ClientMessageSerializer.SerializeToUtf8Bytes(hello);

        if (ServerMessageParser.TryParse(received, out var message, out var error))
        {
            foreach (var part in message.ServerContent?.ModelTurn?.Parts ?? [])
                Console.Write(part.Text);
        }

        return frame;
    }
}
