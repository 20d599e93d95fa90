namespace LiveActors.Host;

/// <summary>The <c>--audio-in</c> samples (16 kHz 16-bit mono PCM), read and checked before the session starts; null without it.</summary>
internal sealed record AudioInput(byte[]? Pcm);
