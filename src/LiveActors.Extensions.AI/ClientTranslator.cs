using LiveActors.Protocol;
using Microsoft.Extensions.AI;

namespace LiveActors.Extensions.AI;

/// <summary>
/// MEAI client messages as Live API messages. Conversation items wait for the response they are for: a
/// <see cref="CreateResponseRealtimeClientMessage"/> sends the waiting items as one turn (<c>turnComplete</c>; the
/// session writes a lone user text the way the model family takes it) and the waiting tool results as one
/// <c>toolResponse</c>, since the model waits for every call of a toolCall. Audio goes at once; with activity detection
/// off, the first chunk after a commit opens an activity and the commit closes it. Each audio chunk goes as whole 16-bit
/// samples (an odd byte waits for the next chunk, and a commit lets it go), so a chunk lost or replayed across a drop
/// never shifts the samples after it. One per session; callers hold its lock.
/// </summary>
internal sealed class ClientTranslator(bool detectsActivity, int inputSampleRate, ToolCallNames calls)
{
    private readonly List<Content> _turns = [];
    private readonly List<FunctionResponse> _results = [];
    private readonly WholeSamples _samples = new();
    private bool _activityOpen;

    /// <summary>
    /// Adds the Live API messages <paramref name="message"/> stands for to <paramref name="messages"/>, in order (possibly
    /// none: an item waits for its response).
    /// </summary>
    /// <exception cref="NotSupportedException">A message or content with no Live API counterpart.</exception>
    public void Translate(RealtimeClientMessage message, List<ClientMessage> messages)
    {
        switch (message)
        {
            case { RawRepresentation: ClientMessage raw }:
                messages.Add(raw); // the caller wrote the Live API message itself
                break;
            case CreateConversationItemRealtimeClientMessage create:
                Add(create.Item);
                break;
            case CreateResponseRealtimeClientMessage response:
                foreach (var item in response.Items ?? [])
                {
                    Add(item);
                }

                Flush(messages);
                break;
            case InputAudioBufferAppendRealtimeClientMessage append:
                var whole = _samples.Take(append.Content.Data);
                if (whole.Length == 0)
                {
                    break; // not a whole sample yet
                }

                if (!detectsActivity && !_activityOpen)
                {
                    messages.Add(RealtimeInput.StartOfActivity);
                    _activityOpen = true;
                }

                messages.Add(new RealtimeInput { Audio = AudioBlob(append.Content.MediaType, whole) });
                break;
            case InputAudioBufferCommitRealtimeClientMessage:
                _samples.End(); // half a sample at the end of the user's audio is not audio
                if (_activityOpen)
                {
                    messages.Add(RealtimeInput.EndOfActivity);
                    _activityOpen = false;
                }
                else if (detectsActivity)
                {
                    messages.Add(RealtimeInput.EndOfAudioStream); // the server's detector ends the turn without waiting for silence
                }

                break;
            default:
                throw new NotSupportedException($"{message.GetType().Name} has no Live API counterpart; send a LiveActors ClientMessage as its RawRepresentation.");
        }
    }

    private void Add(RealtimeConversationItem item)
    {
        var parts = new List<Part>();
        foreach (var content in item.Contents)
        {
            switch (content)
            {
                case FunctionResultContent result:
                    _results.Add(ToolResults.ToFunctionResponse(result, calls.NameOf(result.CallId)));
                    break;
                case TextContent text:
                    parts.Add(new Part { Text = text.Text });
                    break;
                case DataContent data:
                    parts.Add(new Part { InlineData = new Blob { MimeType = data.MediaType, Data = data.Data } });
                    break;
                case { RawRepresentation: Part raw }:
                    parts.Add(raw);
                    break;
                default:
                    throw new NotSupportedException($"A conversation item's {content.GetType().Name} has no Live API counterpart; give it a LiveActors Part as its RawRepresentation.");
            }
        }

        if (parts.Count > 0)
        {
            _turns.Add(new Content { Role = item.Role == ChatRole.Assistant ? Roles.Model : Roles.User, Parts = parts });
        }
    }

    private void Flush(List<ClientMessage> messages)
    {
        if (_results.Count > 0)
        {
            messages.Add(new ToolResponse { FunctionResponses = [.. _results] });
            _results.Clear();
        }

        if (_turns.Count > 0)
        {
            messages.Add(new ClientContent { Turns = [.. _turns], TurnComplete = true });
            _turns.Clear();
        }
    }

    private Blob AudioBlob(string mediaType, ReadOnlyMemory<byte> data) => mediaType.StartsWith("audio/pcm;", StringComparison.OrdinalIgnoreCase)
        ? new Blob { MimeType = mediaType, Data = data }
        : new Blob { MimeType = MimeTypes.Pcm(inputSampleRate), Data = data };
}
