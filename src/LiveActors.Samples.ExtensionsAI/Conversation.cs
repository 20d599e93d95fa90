using System.Text;
using Microsoft.Extensions.AI;

namespace LiveActors.Samples.ExtensionsAI;

/// <summary>
/// The app's own code: it knows only Microsoft.Extensions.AI. It opens a realtime session with two tools, asks its
/// questions one after another, and prints what it hears; the tools are called by MEAI's function invocation.
/// </summary>
public static class Conversation
{
    /// <summary>The questions, in order; the emulator's model asks for a tool when a question starts with <c>tool:</c>.</summary>
    public static readonly string[] Questions =
    [
        """tool:get_weather {"city":"Paris"}""",
        """tool:get_time {"city":"Paris"}""",
        "Thank you!",
    ];

    /// <summary>Holds the conversation; <paramref name="betweenQuestions"/> runs after each answer but the last, with the session.</summary>
    public static async Task RunAsync(IRealtimeClient client, TextWriter output, Func<int, IRealtimeClientSession, Task> betweenQuestions, CancellationToken cancellationToken)
    {
        AITool[] tools =
        [
            AIFunctionFactory.Create((string city) => { output.WriteLine($"  [tool get_weather({city})]"); return $"sunny and 21 degrees in {city}"; }, "get_weather", "The weather in a city now."),
            AIFunctionFactory.Create((string city) => { output.WriteLine($"  [tool get_time({city})]"); return "10:30"; }, "get_time", "The local time in a city."),
        ];
        await using var session = await client.CreateSessionAsync(
            new RealtimeSessionOptions { Instructions = "You are a helpful travel assistant.", OutputModalities = ["audio"], Tools = tools },
            cancellationToken);

        for (var i = 0; i < Questions.Length; i++)
        {
            output.WriteLine($"> {Questions[i]}");
            await session.SendAsync(new CreateConversationItemRealtimeClientMessage(new RealtimeConversationItem([new TextContent(Questions[i])], role: ChatRole.User)), cancellationToken);
            await session.SendAsync(new CreateResponseRealtimeClientMessage(), cancellationToken);
            output.WriteLine($"< {await AnswerAsync(session, cancellationToken)}");
            if (i < Questions.Length - 1)
            {
                await betweenQuestions(i + 1, session);
            }
        }
    }

    /// <summary>
    /// The model's words up to the end of the first response that is not only a tool call: the transcription of what it
    /// says (Live models answer in audio), or its text where a model sends text.
    /// </summary>
    private static async Task<string> AnswerAsync(IRealtimeClientSession session, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await foreach (var message in session.GetStreamingResponseAsync(cancellationToken))
        {
            switch (message)
            {
                case OutputTextAudioRealtimeServerMessage { Type: var type, Text: { } delta }
                    when type == RealtimeServerMessageType.OutputTextDelta || type == RealtimeServerMessageType.OutputAudioTranscriptionDelta:
                    text.Append(delta);
                    break;
                case ErrorRealtimeServerMessage error:
                    return $"(error: {error.Error?.Message})";
                case ResponseCreatedRealtimeServerMessage { Type: var type } when type == RealtimeServerMessageType.ResponseDone && text.Length > 0:
                    return text.ToString();
            }
        }

        return text.Length > 0 ? text.ToString() : "(the session ended)";
    }
}
