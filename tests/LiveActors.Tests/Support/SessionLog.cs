using System.Text.Json;
using LiveActors.Emulator;

namespace LiveActors.Tests.Support;

/// <summary>
/// The emulator's record of client messages in a form tests compare: <c>text:PROMPT</c> for a text turn (clientContent, or
/// realtimeInput.text as Gemini 3.x takes it), <c>audio</c> for other realtime input, else the kind.
/// </summary>
internal static class SessionLog
{
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
