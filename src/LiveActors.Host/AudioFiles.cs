namespace LiveActors.Host;

/// <summary>
/// The <c>--audio-in</c> and <c>--audio-out</c> files, checked before the session starts: a file that cannot be used is a
/// <see cref="HostInputException"/> that names the option and says why, never a stack trace or a silent exit 0.
/// </summary>
internal static class AudioFiles
{
    /// <summary>Live input audio: 16-bit mono PCM at 16 kHz.</summary>
    public const int InputRate = 16_000;

    /// <summary>The PCM samples of the <c>--audio-in</c> WAV file.</summary>
    public static byte[] ReadInput(string path)
    {
        if (Directory.Exists(path))
        {
            throw new HostInputException($"--audio-in: {path} is a directory; give a 16 kHz 16-bit mono WAV file.");
        }

        try
        {
            return WavFile.ReadPcm(path, InputRate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new HostInputException($"--audio-in: {e.Message}", e);
        }
    }

    /// <summary>
    /// Proves the <c>--audio-out</c> file can be written by opening it for writing, and leaves things as they were: a file
    /// that was not there before is removed again, one that was is not changed (the reply overwrites it at the end).
    /// </summary>
    public static void CheckOutput(string path)
    {
        if (Directory.Exists(path))
        {
            throw new HostInputException($"--audio-out: {path} is a directory; give a file name such as reply.wav.");
        }

        var existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new HostInputException($"--audio-out: {path} cannot be written: {e.Message}", e);
        }
    }
}
