using System.Text.Json;
using LiveActors.Emulator;

namespace LiveActors.Tests.Support;

/// <summary>
/// The emulator's record of client messages in a form tests compare: <c>text:PROMPT</c> for a text turn (clientContent, or
/// realtimeInput.text as Gemini 3.x takes it), <c>audio</c> for other realtime input, else the kind.
/// </summary>
internal static class SessionLog
{
    /// <summary>
    /// The messages without the seed a new server session starts with when the session could not resume (the
    /// conversation so far as one clientContent of several turns, turnComplete false): context, not a message sent.
    /// </summary>
    public static IEnumerable<RecordedMessage> WithoutSeed(IReadOnlyList<RecordedMessage> messages) =>
        messages is [{ Kind: "clientContent" } first, ..] && IsSeed(first) ? messages.Skip(1) : messages;

    private static bool IsSeed(RecordedMessage message)
    {
        var content = JsonDocument.Parse(message.Json).RootElement.GetProperty("clientContent");
        return content.GetProperty("turns").GetArrayLength() > 1 && content.TryGetProperty("turnComplete", out var complete) && !complete.GetBoolean();
    }

    public static List<string> Describe(IEnumerable<RecordedMessage> messages) =>
        [.. messages.Select(m => m.Kind switch
        {
            "clientContent" => "text:" + JsonDocument.Parse(m.Json).RootElement.GetProperty("clientContent").GetProperty("turns")[0]
                .GetProperty("parts")[0].GetProperty("text").GetString(),
            "realtimeInput" when JsonDocument.Parse(m.Json).RootElement.GetProperty("realtimeInput").TryGetProperty("text", out var text) => "text:" + text.GetString(),
            "realtimeInput" => "audio",
            var kind => kind,
        })];
}
