using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// What is wrong with a session file, said in one line that names the file and what to do: the standalone emulator
/// prints the message as it is, and a host shows it to someone who did not write the file by hand.
/// </summary>
internal static class SessionFileErrors
{
    private const string Remedy = "delete it or point --session-file elsewhere";

    public static InvalidDataException NotJson(string path, JsonException error) =>
        new($"the emulator session file {path} is not valid JSON (line {error.LineNumber + 1 ?? 1}): {Remedy}", error);

    public static InvalidDataException WrongShape(string path, string where, Exception? error = null) =>
        new($"the emulator session file {path} is JSON but not a session file (at {where}): {Remedy}", error);

    public static IOException IsAFolder(string path) =>
        new($"the emulator session file {path} is a folder: point --session-file at a file");

    public static IOException Unreadable(string path, IOException error) =>
        new($"the emulator session file {path} cannot be read or its folder made ({OneLine(error.Message)}): {Remedy}", error);

    public static UnauthorizedAccessException NotOurs(string path, UnauthorizedAccessException error) =>
        new($"the emulator session file {path} or its folder is not ours to read or make (permission denied): {Remedy}", error);

    /// <summary>A message as one line, for exception texts that come from the runtime.</summary>
    public static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
