using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>
/// Reads a JSON number (or a numeric string, as the context allows for every number) into a double only when it is
/// finite. <c>1e400</c> is valid JSON but parses to infinity, and <c>"NaN"</c> to NaN; neither can be written back as
/// JSON, so a record holding one could not be printed or sent. Refused here, the member is kept raw, as it came, in
/// <see cref="WireObject.AdditionalProperties"/> like any member of a type its record cannot hold.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var number) => number,
            JsonTokenType.String when FromString(reader.GetString()) is { } number => number,
            _ => throw new JsonException("A number was expected."),
        };
        return double.IsFinite(value) ? value : throw new JsonException("The number does not fit a double.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);

    private static double? FromString(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
