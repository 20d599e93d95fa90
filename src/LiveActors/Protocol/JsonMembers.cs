using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LiveActors.Protocol;

/// <summary>
/// Reading one member of a server message with a <see cref="Utf8JsonReader"/>, for the readers written by hand: a
/// member of a type its record cannot hold is kept raw in the object's unknown members and noted for the frame, and
/// the rest of the frame is read on.
/// </summary>
internal static class JsonMembers
{
    // The members of the frame being read that had a type their record cannot hold; reading is synchronous, so one
    // list a thread serves every frame, and none is made for a frame without such a member.
    [ThreadStatic]
    private static List<string>? t_odd;

    /// <summary>Starts a frame: nothing noted yet.</summary>
    public static void BeginFrame() => t_odd = null;

    /// <summary>Ends a frame: the members noted while it was read, or null.</summary>
    public static IReadOnlyList<string>? EndFrame()
    {
        var odd = t_odd;
        t_odd = null;
        return odd;
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    public static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Moves to a member's value: true at the start of an object; false when it is null, or of another type (then it
    /// is kept raw in <paramref name="outer"/> and noted).
    /// </summary>
    public static bool StartObject(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? outer)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            KeepOdd(ref reader, member, ref outer);
        }

        return false;
    }

    public static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} should be an object, not {reader.TokenType}.");
        }
    }

    /// <summary>
    /// A member read by the source-generated serializer; when its value does not fit the record (a member of another
    /// type somewhere inside), the whole member is kept raw and noted, and the rest of the frame is read on.
    /// </summary>
    public static T? Serialized<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type, string member, ref Dictionary<string, JsonElement>? outer)
    {
        reader.Read();
        var start = reader; // a struct over one span: a copy to go back to
        try
        {
            return JsonSerializer.Deserialize(ref reader, type);
        }
        catch (JsonException)
        {
            reader = start;
            KeepOdd(ref reader, member, ref outer);
            return default;
        }
    }

    public static bool? ReadBoolean(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                KeepOdd(ref reader, member, ref unknown);
                return null;
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        return StringValue(ref reader, member, ref unknown);
    }

    /// <summary>A string member whose value is usually one of <paramref name="known"/>: that instance, not a new copy.</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string member, (byte[] Utf8, string Value)[] known, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (utf8, value) in known)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return value;
                }
            }
        }

        return StringValue(ref reader, member, ref unknown);
    }

    public static string? StringValue(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                KeepOdd(ref reader, member, ref unknown);
                return null;
        }
    }

    public static JsonElement? ReadElement(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonElement.ParseValue(ref reader);
        }

        KeepOdd(ref reader, member, ref unknown);
        return null;
    }

    /// <summary>
    /// A member of a type the record cannot hold: kept as it came, by its name, with the object's unknown members (so
    /// nothing is lost and it is written back as it was), and noted, while the rest of the frame is read on.
    /// </summary>
    public static void KeepOdd(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        Note(member);
        (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[member] = JsonElement.ParseValue(ref reader);
    }

    public static void Note(string member) => (t_odd ??= []).Add(member);

    /// <summary>A member this library does not model: kept as it is, by name (the last of duplicates wins).</summary>
    public static void Keep(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? unknown)
    {
        var name = reader.GetString()!;
        reader.Read();
        (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    public static (byte[] Utf8, string Value)[] Known(params string[] values) =>
        [.. values.Select(value => (System.Text.Encoding.UTF8.GetBytes(value), value))];
}
