using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>
/// A client message given as JSON and sent exactly as it is, for fields or message kinds LiveActors does not model yet.
/// </summary>
/// <remarks>
/// Exactly as it is: the session does not apply its model family's rules to it (a <c>clientContent</c> or
/// <c>mediaChunks</c> in it goes to a Gemini 3.x model, which closes the connection), nor read it for evidence of delivery
/// beyond what any message may cause.
/// </remarks>
public sealed record RawClientMessage : ClientMessage
{
    /// <summary>Wraps <paramref name="json"/>, which must be a JSON object such as <c>{"realtimeInput":{...}}</c>.</summary>
    /// <exception cref="ArgumentException">The element is not a JSON object.</exception>
    public RawClientMessage(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A raw client message must be a JSON object, not {json.ValueKind}.", nameof(json));
        }

        Json = json.Clone();
    }

    /// <summary>The message's JSON object.</summary>
    public JsonElement Json { get; }
}
