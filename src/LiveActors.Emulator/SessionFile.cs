using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Emulator;

/// <summary>
/// A file that keeps the emulator's resumption handles and the conversations they captured, so a session can resume on
/// an emulator started later in another process (<see cref="LiveEmulatorOptions.SessionFile"/>). It is rewritten whole,
/// through a temporary file, every time a handle is issued: a reader never sees half a file.
/// </summary>
/// <remarks>Handles are secrets on the real service; this file holds the emulator's, which let only this emulator in.</remarks>
internal sealed class SessionFile(string path)
{
    private readonly Lock _gate = new();

    /// <summary>The handles the file holds; none when it does not exist yet.</summary>
    /// <exception cref="InvalidDataException">The file is not a session file.</exception>
    public IReadOnlyList<StoredHandle> Read()
    {
        lock (_gate)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            try
            {
                using var stream = File.OpenRead(path);
                return JsonSerializer.Deserialize(stream, SessionFileJson.Default.StoredHandles)?.Handles ?? [];
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The emulator's session file {path} is not one: {e.Message}", e);
            }
        }
    }

    /// <summary>Replaces the file's content with <paramref name="handles"/>.</summary>
    public void Write(IReadOnlyList<StoredHandle> handles)
    {
        lock (_gate)
        {
            var temporary = path + ".tmp";
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, new StoredHandles(handles), SessionFileJson.Default.StoredHandles);
            }

            File.Move(temporary, path, overwrite: true);
        }
    }
}

/// <summary>A session file's content.</summary>
internal sealed record StoredHandles(IReadOnlyList<StoredHandle> Handles);

/// <summary>A handle, when it expires, and the conversation it captured.</summary>
internal sealed record StoredHandle(string Handle, DateTimeOffset Expires, StoredSession Session);

/// <summary>A conversation as a handle captured it.</summary>
internal sealed record StoredSession(string Id, int Turns, string? Instruction, IReadOnlyList<string> Tools, IReadOnlyList<RecordedMessage>? Log);

/// <summary>The session file's JSON, source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredHandles))]
internal sealed partial class SessionFileJson : JsonSerializerContext;
