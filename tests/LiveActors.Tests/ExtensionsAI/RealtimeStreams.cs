using Microsoft.Extensions.AI;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>How the realtime tests talk to an MEAI session: a text turn, and reads of its stream up to a given message.</summary>
internal static class RealtimeStreams
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A user text turn and the response it asks for.</summary>
    public static async Task AskAsync(IRealtimeClientSession session, string text)
    {
        await session.SendAsync(new CreateConversationItemRealtimeClientMessage(new RealtimeConversationItem([new TextContent(text)], role: ChatRole.User)));
        await session.SendAsync(new CreateResponseRealtimeClientMessage());
    }

    /// <summary>Every message up to and including the next one that matches; the enumeration goes on from there next time.</summary>
    public static async Task<List<RealtimeServerMessage>> NextAsync(IRealtimeClientSession session, Func<RealtimeServerMessage, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        var messages = new List<RealtimeServerMessage>();
        await using var enumerator = session.GetStreamingResponseAsync(patience.Token).GetAsyncEnumerator(patience.Token);
        while (await enumerator.MoveNextAsync())
        {
            messages.Add(enumerator.Current);
            if (match(enumerator.Current))
            {
                return messages;
            }
        }

        throw new InvalidOperationException($"the stream ended before the message looked for; saw {Types(messages)}");
    }

    /// <summary>Every message up to and including the next ResponseDone; the enumeration goes on from there next time.</summary>
    public static Task<List<RealtimeServerMessage>> NextResponseAsync(IRealtimeClientSession session) =>
        NextAsync(session, m => m.Type == RealtimeServerMessageType.ResponseDone);

    /// <summary>Every message until the stream ends.</summary>
    public static async Task<List<RealtimeServerMessage>> RestAsync(IRealtimeClientSession session)
    {
        using var patience = new CancellationTokenSource(Patience);
        var messages = new List<RealtimeServerMessage>();
        await foreach (var message in session.GetStreamingResponseAsync(patience.Token))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>The text of the responses among <paramref name="messages"/>.</summary>
    public static string Text(IEnumerable<RealtimeServerMessage> messages) =>
        string.Concat(messages.OfType<OutputTextAudioRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.OutputTextDone).Select(m => m.Text));

    /// <summary>The ResponseDone messages among <paramref name="messages"/>.</summary>
    public static List<ResponseCreatedRealtimeServerMessage> Dones(IEnumerable<RealtimeServerMessage> messages) =>
        [.. messages.OfType<ResponseCreatedRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.ResponseDone)];

    /// <summary>The message types, for a failure's text.</summary>
    public static string Types(IEnumerable<RealtimeServerMessage> messages) =>
        string.Join(", ", messages.Select(m => m is ErrorRealtimeServerMessage e ? $"Error({e.Error?.ErrorCode})" : m.Type.ToString()));

    /// <summary>The response a message belongs to.</summary>
    public static string? ResponseId(RealtimeServerMessage message) => message switch
    {
        ResponseCreatedRealtimeServerMessage created => created.ResponseId,
        OutputTextAudioRealtimeServerMessage output => output.ResponseId,
        ResponseOutputItemRealtimeServerMessage item => item.ResponseId,
        _ => null,
    };
}
