using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Emulator;

/// <summary>
/// A file that keeps the emulator's resumption handles and the conversations they captured, so a session can resume on
/// an emulator started later in another process (<see cref="LiveEmulatorOptions.SessionFile"/>). It is rewritten whole,
/// through a temporary file, every time a handle is issued: a reader never sees half a file.
/// </summary>
/// <remarks>
/// A handle lets whoever reads it resume the conversation, so on Unix the file (and the temporary file it is rewritten
/// through) is the owner's alone, 0600, and a folder made for it 0700.
/// </remarks>
internal sealed class SessionFile(string path)
{
    /// <summary>The session file's permissions on Unix: read and write for its owner, nothing for anyone else.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The permissions of a folder the emulator makes for its session file.</summary>
    public const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    private readonly Lock _gate = new();

    /// <summary>The handles the file holds; none when it does not exist yet (its folder is made then, so a write can follow).</summary>
    /// <exception cref="InvalidDataException">The file is not a session file: not JSON, or JSON of another shape.</exception>
    /// <exception cref="IOException">The file cannot be read, is a folder, or its folder cannot be made.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder is not ours to read or make.</exception>
    public IReadOnlyList<StoredHandle> Read()
    {
        lock (_gate)
        {
            using var document = Open();
            return document is null ? [] : SessionFileShape.Handles(path, document);
        }
    }

    /// <summary>Replaces the file's content with <paramref name="handles"/>.</summary>
    public void Write(IReadOnlyList<StoredHandle> handles)
    {
        lock (_gate)
        {
            var temporary = path + ".tmp";
            // A temporary file left by a crash keeps the mode it was made with; made afresh, it gets OwnerOnly.
            File.Delete(temporary);
            using (var stream = new FileStream(temporary, NewFileOptions()))
            {
                JsonSerializer.Serialize(stream, new StoredHandles(handles), SessionFileJson.Default.StoredHandles);
            }

            File.Move(temporary, path, overwrite: true);
        }
    }

    private JsonDocument? Open()
    {
        if (Directory.Exists(path))
        {
            throw SessionFileErrors.IsAFolder(path);
        }

        try
        {
            if (!File.Exists(path))
            {
                MakeFolder();
                return null;
            }

            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw SessionFileErrors.NotJson(path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw SessionFileErrors.NotOurs(path, e);
        }
        catch (IOException e)
        {
            throw SessionFileErrors.Unreadable(path, e);
        }
    }

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    private void MakeFolder()
    {
        // Directory.CreateDirectory gives the mode to the last folder only, so each missing one is made on its own.
        var missing = new Stack<string>();
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        foreach (var folder in missing)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }
    }
}

/// <summary>A session file's content.</summary>
internal sealed record StoredHandles(IReadOnlyList<StoredHandle> Handles);

/// <summary>A handle, when it expires, and the conversation it captured.</summary>
internal sealed record StoredHandle(string Handle, DateTimeOffset Expires, StoredSession Session);

/// <summary>A conversation as a handle captured it.</summary>
internal sealed record StoredSession(string Id, int Turns, string? Instruction = null, IReadOnlyList<string>? Tools = null, IReadOnlyList<RecordedMessage>? Log = null);

/// <summary>
/// The session file's JSON, source-generated. Nulls and missing members where the records have none are shape errors
/// here, at start, and not a NullReferenceException when a client resumes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StoredHandles))]
internal sealed partial class SessionFileJson : JsonSerializerContext;
