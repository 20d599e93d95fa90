using System.Text;
using System.Text.Json;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;
using static LiveActors.Live;

namespace LiveActors.Extensions.AI;

/// <summary>
/// A LiveActors session's events as MEAI server messages, each carrying the Live API message it came from as its
/// <c>RawRepresentation</c>. A reply is a response: <c>ResponseCreated</c> at its first output, text, audio and
/// transcription deltas, and one <c>ResponseDone</c>: <c>completed</c> at the end of the interaction (with the usage the
/// server reported), <c>cancelled</c> at once when the user interrupts it, <c>incomplete</c> when a drop cuts it (with
/// <see cref="LiveRealtimeErrorCodes.ReplyCut"/> or <see cref="LiveRealtimeErrorCodes.ReplyAskedAgain"/>). What the
/// server still sends about a turn that was ended so (its transcription's tail, a bare <c>interrupted</c> or
/// <c>turnComplete</c> after a resume) makes no second outcome. A toolCall ends its response with the call as an output
/// item, as MEAI's function invocation expects; what the model says after the tool's answer is the next response. Audio
/// deltas hold whole 16-bit samples. Reconnects, resumption and goAway hand-overs make no message, but a drop ends an
/// open response incomplete even when no <c>ReplyCut</c> names it (output the model started unprompted). One per session, on
/// its pump.
/// </summary>
internal sealed class ServerTranslator(ToolCallNames calls, SentMessageIds messageIds)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _spoken = new();
    private readonly StringBuilder _heard = new();
    private readonly WholeSamples _samples = new();
    private int _responses;
    private string? _response;
    private bool _audio;
    private bool _closingInterrupted;
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
                Reply(chunk, messages);
                break;
            case TranscriptionReceived { Source: TranscriptionSource.Output } when _closingInterrupted:
                break; // the tail of what was said before the interruption: its response is over
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
                _closingInterrupted = false; // a call after an interruption is the next reply's
                Start(call.Message, messages);
                ToolCalls(call, messages);
                Done(call.Message, messages, RealtimeResponseStatus.Completed); // the model waits for the answer: MEAI's function invocation answers at ResponseDone
                break;
            case Interrupted interrupted when _response is not null:
                Done(interrupted.Message, messages, RealtimeResponseStatus.Cancelled);
                _closingInterrupted = true; // until the turn's turnComplete, what comes of it is not a new response
                break;
            case UsageReported usage when _response is not null:
                _usage = Usage(usage.Usage);
                break;
            case InteractionCompleted completed:
                _closingInterrupted = false;
                if (_response is not null)
                {
                    Done(completed.Message, messages, RealtimeResponseStatus.Completed);
                }

                break; // else it closes a turn that was already ended (interrupted, cut): no second outcome
            case ServerErrorReceived error:
                messages.Add(Error(error.Error.Code, error.Error.Message, error.Message, originatingMessageId: null));
                break;
            case SendFailed failed:
                messages.Add(Error(failed.Error.Code, failed.Error.Message, failed, messageIds.Failed(failed.Sequence)));
                break;
            case ReplyCut cut:
                Cut(cut.AskedAgain, cut.Cause, messages);
                break;
            case Disconnected dropped:
                Cut(askedAgain: false, dropped.Error, messages); // output no turn of ours caused (the model spoke unprompted): no ReplyCut comes for it
                break;
            case ResumptionRefused refused:
                Cut(askedAgain: false, refused.Error, messages);
                messages.Add(Error(LiveRealtimeErrorCodes.ResumptionRefused,
                    $"The server refused to resume the conversation ({refused.Error.Message}); the session goes on as a new one, without what was said before.", refused, originatingMessageId: null));
                break;
            case GaveUp gaveUp:
                if (_response is not null)
                {
                    Done(_last, messages, RealtimeResponseStatus.Failed, new ErrorContent(gaveUp.Error.Message) { ErrorCode = gaveUp.Error.Code });
                }

                messages.Add(Error(gaveUp.Error.Code, gaveUp.Error.Message, gaveUp, originatingMessageId: null));
                return true;
        }

        return false;
    }

    private void Reply(ModelTurnReceived chunk, List<RealtimeServerMessage> messages)
    {
        _closingInterrupted = false; // model output after an interruption is the next reply's
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
                var whole = _samples.Take(audio.Data);
                if (whole.Length > 0)
                {
                    messages.Add(Output(RealtimeServerMessageType.OutputAudioDelta, chunk.Message, audio: Convert.ToBase64String(whole.Span)));
                }
            }
        }
    }

    /// <summary>A drop cut the reply: its response ends incomplete, saying whether the session asked again.</summary>
    private void Cut(bool askedAgain, Errors.ConnectionError cause, List<RealtimeServerMessage> messages)
    {
        _closingInterrupted = false;
        if (_response is null)
        {
            return; // no output of it was seen (or its response ended already): nothing to end
        }

        var (code, rest) = askedAgain
            ? (LiveRealtimeErrorCodes.ReplyAskedAgain, "the session asked again: the next response is the whole reply.")
            : (LiveRealtimeErrorCodes.ReplyCut, "the rest of it will not come.");
        Done(_last, messages, RealtimeResponseStatus.Incomplete, new ErrorContent($"The connection ended while the reply streamed ({cause.Code}); {rest}")
        {
            ErrorCode = code,
            Details = cause.Code,
        });
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

    private void Done(ServerMessage? message, List<RealtimeServerMessage> messages, string status, ErrorContent? error = null)
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
            Status = status,
            Error = error,
            Usage = _usage,
            RawRepresentation = message,
        });
        _response = null;
        _text.Clear();
        _spoken.Clear();
        _samples.End(); // half a sample left of this response never leaks into the next one
        _audio = false;
        _usage = null;
    }

    private OutputTextAudioRealtimeServerMessage Output(RealtimeServerMessageType type, ServerMessage? message, string? text = null, string? audio = null) => new(type)
    {
        ResponseId = _response,
        ItemId = $"{_response}-item", // each response's output is one item of its own: a response after a cut starts a new one
        OutputIndex = 0,
        ContentIndex = 0,
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
