using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// A session file's JSON read as handles, or refused as a whole: a hole anywhere (a null in a list, a member missing)
/// is found at start, where it can be told about, and not when a client resumes the one handle that has it.
/// </summary>
internal static class SessionFileShape
{
    /// <exception cref="InvalidDataException">The JSON is not a session file's.</exception>
    public static IReadOnlyList<StoredHandle> Handles(string path, JsonDocument document)
    {
        StoredHandles? stored;
        try
        {
            stored = document.Deserialize(SessionFileJson.Default.StoredHandles);
        }
        catch (JsonException e)
        {
            throw SessionFileErrors.WrongShape(path, e.Path ?? "$", e);
        }

        if (stored is null)
        {
            throw SessionFileErrors.WrongShape(path, "$");
        }

        if (FirstHole(stored) is { } hole)
        {
            throw SessionFileErrors.WrongShape(path, hole);
        }

        return stored.Handles;
    }

    /// <summary>Where the first null sits in a list, whose items the serializer lets be null whatever their type says.</summary>
    private static string? FirstHole(StoredHandles stored)
    {
        for (var i = 0; i < stored.Handles.Count; i++)
        {
            var session = stored.Handles[i]?.Session;
            if (session is null)
            {
                return $"$.handles[{i}]";
            }

            if (session.Tools?.Any(tool => tool is null) == true)
            {
                return $"$.handles[{i}].session.tools";
            }

            if (session.Log?.Any(message => message is null) == true)
            {
                return $"$.handles[{i}].session.log";
            }
        }

        return null;
    }
}
