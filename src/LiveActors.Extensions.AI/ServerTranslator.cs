using System.Text;
using System.Text.Json;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;
using static LiveActors.Live;

namespace LiveActors.Extensions.AI;

/// <summary>
/// A LiveActors session's events as MEAI server messages, each carrying the Live API message it came from as its
/// <c>RawRepresentation</c>. A reply is a response: <c>ResponseCreated</c> at its first output, text, audio and
/// transcription deltas, and at the end of the interaction the done messages and <c>ResponseDone</c> with the usage the
/// server reported. A toolCall ends its response with the call as an output item, as MEAI's function invocation expects;
/// what the model says after the tool's answer is the next response. Reconnects, resumption and goAway hand-overs are the
/// session's business and make no message; a reply a drop cut ends <c>incomplete</c>. One per session, on its pump.
/// </summary>
internal sealed class ServerTranslator(ToolCallNames calls, SentMessageIds messageIds)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _spoken = new();
    private readonly StringBuilder _heard = new();
    private int _responses;
    private string? _response;
    private bool _audio;
    private bool _cancelled;
    private UsageDetails? _usage;
    private ServerMessage? _last;

    /// <summary>
    /// Adds the MEAI messages <paramref name="event"/> stands for to <paramref name="messages"/>; true when the session
    /// is over (it gave up), after which nothing more comes.
    /// </summary>
    public bool Translate(Event @event, List<RealtimeServerMessage> messages)
    {
        switch (@event)
        {
            case ModelTurnReceived chunk:
                Start(chunk.Message, messages);
                foreach (var part in chunk.Turn.Parts ?? [])
                {
                    if (part is { Text: { } text, Thought: not true })
                    {
                        _text.Append(text);
                        messages.Add(Output(RealtimeServerMessageType.OutputTextDelta, chunk.Message, text: text));
                    }
                    else if (part.InlineData is { MimeType: { } mime } audio && mime.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
                    {
                        _audio = true;
                        messages.Add(Output(RealtimeServerMessageType.OutputAudioDelta, chunk.Message, audio: Convert.ToBase64String(audio.Data.Span)));
                    }
                }

                break;
            case TranscriptionReceived { Source: TranscriptionSource.Output, Transcription.Text: { } said } spoken:
                Start(spoken.Message, messages);
                _spoken.Append(said);
                messages.Add(Output(RealtimeServerMessageType.OutputAudioTranscriptionDelta, spoken.Message, text: said));
                break;
            case TranscriptionReceived { Source: TranscriptionSource.Input, Transcription.Text: { } heard } input:
                _heard.Append(heard);
                messages.Add(new InputAudioTranscriptionRealtimeServerMessage(RealtimeServerMessageType.InputAudioTranscriptionDelta)
                {
                    Transcription = heard,
                    RawRepresentation = input.Message,
                });
                break;
            case ToolCallReceived call:
                Start(call.Message, messages);
                ToolCalls(call, messages);
                Done(call.Message, messages); // the model waits for the answer: MEAI's function invocation answers at ResponseDone
                break;
            case Interrupted:
                _cancelled = true;
                break;
            case UsageReported usage:
                _usage = Usage(usage.Usage);
                break;
            case InteractionCompleted completed when _response is not null:
                Done(completed.Message, messages);
                break;
            case ServerErrorReceived error:
                messages.Add(Error(error.Error.Code, error.Error.Message, error.Message, originatingMessageId: null));
                break;
            case SendFailed failed:
                messages.Add(Error(failed.Error.Code, failed.Error.Message, failed, messageIds.Failed(failed.Sequence)));
                break;
            case ReplyCut cut when _response is not null:
                Done(_last, messages, new ErrorContent($"The connection ended while the reply streamed ({cut.Cause.Code}); " +
                    (cut.AskedAgain ? "the session asked again: the next response is the whole reply." : "the rest of it will not come.")) { ErrorCode = cut.Cause.Code });
                break;
            case GaveUp gaveUp:
                messages.Add(Error(gaveUp.Error.Code, gaveUp.Error.Message, gaveUp, originatingMessageId: null));
                return true;
        }

        return false;
    }

    private void Start(ServerMessage message, List<RealtimeServerMessage> messages)
    {
        _last = message;
        if (_response is not null)
        {
            return;
        }

        if (_heard.Length > 0)
        {
            messages.Add(new InputAudioTranscriptionRealtimeServerMessage(RealtimeServerMessageType.InputAudioTranscriptionCompleted)
            {
                Transcription = _heard.ToString(),
                RawRepresentation = message,
            });
            _heard.Clear();
        }

        _response = $"live-response-{++_responses}";
        messages.Add(new ResponseCreatedRealtimeServerMessage(RealtimeServerMessageType.ResponseCreated) { ResponseId = _response, RawRepresentation = message });
    }

    private void ToolCalls(ToolCallReceived call, List<RealtimeServerMessage> messages)
    {
        foreach (var function in call.Call.FunctionCalls ?? [])
        {
            var id = function.Id ?? $"{_response}-call-{messages.Count}";
            var name = function.Name ?? "";
            calls.Called(id, name);
            var item = new RealtimeConversationItem([new FunctionCallContent(id, name, Arguments(function.Args)) { RawRepresentation = function }], id, ChatRole.Assistant);
            messages.Add(new ResponseOutputItemRealtimeServerMessage(RealtimeServerMessageType.ResponseOutputItemAdded) { ResponseId = _response, Item = item, RawRepresentation = call.Message });
            messages.Add(new ResponseOutputItemRealtimeServerMessage(RealtimeServerMessageType.ResponseOutputItemDone) { ResponseId = _response, Item = item, RawRepresentation = call.Message });
        }
    }

    private void Done(ServerMessage? message, List<RealtimeServerMessage> messages, ErrorContent? cut = null)
    {
        if (_text.Length > 0)
        {
            messages.Add(Output(RealtimeServerMessageType.OutputTextDone, message, text: _text.ToString()));
        }

        if (_audio)
        {
            messages.Add(Output(RealtimeServerMessageType.OutputAudioDone, message));
        }

        if (_spoken.Length > 0)
        {
            messages.Add(Output(RealtimeServerMessageType.OutputAudioTranscriptionDone, message, text: _spoken.ToString()));
        }

        messages.Add(new ResponseCreatedRealtimeServerMessage(RealtimeServerMessageType.ResponseDone)
        {
            ResponseId = _response,
            Status = cut is not null ? RealtimeResponseStatus.Incomplete : _cancelled ? RealtimeResponseStatus.Cancelled : RealtimeResponseStatus.Completed,
            Error = cut,
            Usage = _usage,
            RawRepresentation = message,
        });
        _response = null;
        _text.Clear();
        _spoken.Clear();
        _audio = false;
        _cancelled = false;
        _usage = null;
    }

    private OutputTextAudioRealtimeServerMessage Output(RealtimeServerMessageType type, ServerMessage? message, string? text = null, string? audio = null) => new(type)
    {
        ResponseId = _response,
        Text = text,
        Audio = audio,
        RawRepresentation = message,
    };

    private static ErrorRealtimeServerMessage Error(string code, string text, object raw, string? originatingMessageId) => new()
    {
        Error = new ErrorContent(text) { ErrorCode = code },
        OriginatingMessageId = originatingMessageId,
        RawRepresentation = raw,
    };

    private static UsageDetails Usage(UsageMetadata usage) => new()
    {
        InputTokenCount = usage.PromptTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.CachedContentTokenCount,
        ReasoningTokenCount = usage.ThoughtsTokenCount,
    };

    private static Dictionary<string, object?>? Arguments(JsonElement? args)
    {
        if (args is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            arguments[member.Name] = member.Value.Clone();
        }

        return arguments;
    }
}
