using System.Text;
using LiveActors.Models;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

// The events a session makes from what the server sends, each with the whole message it came from (the protocol is
// documented once, on Live in Live.cs).
public static partial class Live
{
    /// <summary>An event read from a server message. One message may give several (serverContent with usageMetadata, for example).</summary>
    public abstract record ServerEvent : Event
    {
        private protected ServerEvent(ServerMessage message) => Message = message;

        /// <summary>The whole message the event came from.</summary>
        public ServerMessage Message { get; }

        /// <summary>
        /// Every event the session reads from <paramref name="message"/>, in the order it publishes them: build a
        /// <see cref="ServerMessage"/> as the server would send it and get exactly what a subscriber would see.
        /// </summary>
        /// <param name="message">A server message.</param>
        /// <param name="family">
        /// The rules of the session's model: they say what ends an interaction (<see cref="InteractionCompleted"/>).
        /// With <see cref="ModelFamily.Gemini3ExtendedThinking"/>, or for a message that reports an interactionStatus,
        /// only IDLE does; otherwise turnComplete. (A session also keeps to IDLE once its model has reported a status.)
        /// </param>
        public static IReadOnlyList<ServerEvent> From(ServerMessage message, ModelFamily family = ModelFamily.Gemini2)
        {
            ArgumentNullException.ThrowIfNull(message);
            var events = new List<Event>();
            ServerEvents.AddTo(events, message, idleEndsInteraction: family == ModelFamily.Gemini3ExtendedThinking || message.ReportedInteractionStatus is not null);
            return events.ConvertAll(e => (ServerEvent)e);
        }

        /// <summary>Leaves <see cref="Message"/> out of <c>ToString()</c>: the event's own members say what it carries.</summary>
        protected override bool PrintMembers(StringBuilder builder) => false;
    }

    /// <summary>A chunk of the model's reply (text, audio, code...); <see cref="Text"/> and <see cref="Audio"/> read it directly.</summary>
    public sealed record ModelTurnReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="turn">The part of <paramref name="message"/> the event is about.</param>
        public ModelTurnReceived(ServerMessage message, Content turn) : base(message) => Turn = turn;

        /// <summary>The chunk.</summary>
        public Content Turn { get; }

        /// <summary>
        /// The chunk's reply text: its text parts joined, thoughts left out; null when it has none (an audio chunk, say).
        /// A chunk with one text part returns that part's string, without a copy.
        /// </summary>
        public string? Text
        {
            get
            {
                string? single = null;
                List<string>? many = null;
                foreach (var part in Turn.Parts ?? [])
                {
                    if (part.Text is not { } text || part.Thought == true)
                    {
                        continue;
                    }

                    if (single is null)
                    {
                        single = text;
                    }
                    else
                    {
                        (many ??= [single]).Add(text);
                    }
                }

                return many is null ? single : string.Concat(many);
            }
        }

        /// <summary>
        /// The chunk's audio: the data of its <c>audio/*</c> inline parts (24 kHz 16-bit mono PCM from the Live API), empty
        /// when it has none. A chunk with one audio part (as the service sends them) returns that part's bytes, without a copy.
        /// </summary>
        public ReadOnlyMemory<byte> Audio
        {
            get
            {
                ReadOnlyMemory<byte> single = default;
                var parts = 0;
                var total = 0;
                foreach (var part in Turn.Parts ?? [])
                {
                    if (IsAudio(part))
                    {
                        single = parts++ == 0 ? part.InlineData!.Data : single;
                        total += part.InlineData!.Data.Length;
                    }
                }

                return parts <= 1 ? single : Join(total);
            }
        }

        /// <summary>Prints the chunk's text and the size of its audio; the whole turn only when it has neither.</summary>
        protected override bool PrintMembers(StringBuilder builder)
        {
            var text = Text;
            var audio = Audio.Length;
            if (text is not null)
            {
                builder.Append("Text = \"").Append(text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "…") : text).Append('"');
            }

            if (audio > 0)
            {
                builder.Append(text is null ? "" : ", ").Append("Audio = ").Append(audio).Append(" bytes");
            }

            if (text is null && audio == 0)
            {
                builder.Append("Turn = ").Append(Turn);
            }

            return true;
        }

        private byte[] Join(int total)
        {
            var joined = new byte[total];
            var offset = 0;
            foreach (var part in Turn.Parts ?? [])
            {
                if (IsAudio(part))
                {
                    part.InlineData!.Data.Span.CopyTo(joined.AsSpan(offset));
                    offset += part.InlineData.Data.Length;
                }
            }

            return joined;
        }

        private static bool IsAudio(Part part) => part.InlineData?.MimeType?.StartsWith("audio/", StringComparison.Ordinal) == true;
    }

    /// <summary>A piece of transcription.</summary>
    public sealed record TranscriptionReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="source">Whose audio it transcribes.</param>
        /// <param name="transcription">The part of <paramref name="message"/> the event is about.</param>
        public TranscriptionReceived(ServerMessage message, TranscriptionSource source, Transcription transcription) : base(message)
        {
            Source = source;
            Transcription = transcription;
        }

        /// <summary>Whose audio it transcribes.</summary>
        public TranscriptionSource Source { get; }

        /// <summary>The text.</summary>
        public Transcription Transcription { get; }
    }

    /// <summary>What a <see cref="TranscriptionReceived"/> transcribes.</summary>
    public enum TranscriptionSource
    {
        /// <summary>The user's audio (<c>inputTranscription</c>).</summary>
        Input,

        /// <summary>The model's audio (<c>outputTranscription</c>).</summary>
        Output,

        /// <summary>A provisional transcription of the user's audio (<c>interimInputTranscription</c>).</summary>
        InterimInput,
    }

    /// <summary>The model has generated its whole reply (playback may still be under way).</summary>
    public sealed record GenerationCompleted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public GenerationCompleted(ServerMessage message) : base(message)
        {
        }
    }

    /// <summary>New input interrupted the model's reply: stop playing what was received of it.</summary>
    public sealed record Interrupted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public Interrupted(ServerMessage message) : base(message)
        {
        }
    }

    /// <summary>The model's turn is over; it waits for input.</summary>
    public sealed record TurnCompleted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public TurnCompleted(ServerMessage message) : base(message)
        {
        }
    }

    /// <summary>
    /// The model is done with everything sent so far and waits for input: the end of an interaction, which is what a
    /// caller waiting for "the answer" waits for. Where the model reports <c>interactionStatus</c> (extended-thinking
    /// models, which may speak several times and complete several turns per request), it comes with <c>IDLE</c>;
    /// elsewhere with turnComplete. It is the last event of its message.
    /// </summary>
    public sealed record InteractionCompleted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From(ServerMessage, Models.ModelFamily)"/>).</param>
        public InteractionCompleted(ServerMessage message) : base(message)
        {
        }
    }

    /// <summary>Token counts from the server.</summary>
    public sealed record UsageReported : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="usage">The part of <paramref name="message"/> the event is about.</param>
        public UsageReported(ServerMessage message, UsageMetadata usage) : base(message) => Usage = usage;

        /// <summary>The counts.</summary>
        public UsageMetadata Usage { get; }
    }

    /// <summary>The model asks for function calls; answer with a <see cref="ToolResponse"/> per call id.</summary>
    public sealed record ToolCallReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="call">The part of <paramref name="message"/> the event is about.</param>
        public ToolCallReceived(ServerMessage message, ToolCall call) : base(message) => Call = call;

        /// <summary>The calls.</summary>
        public ToolCall Call { get; }
    }

    /// <summary>Earlier tool calls are cancelled: do not answer them.</summary>
    public sealed record ToolCallCancelled : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="cancellation">The part of <paramref name="message"/> the event is about.</param>
        public ToolCallCancelled(ServerMessage message, ToolCallCancellation cancellation) : base(message) => Cancellation = cancellation;

        /// <summary>The ids of the cancelled calls.</summary>
        public ToolCallCancellation Cancellation { get; }

        /// <summary>
        /// True when the session reports it, not the server: the calls were pending when their connection ended, and the
        /// resumed session does not know them (docs/live-api.md 5.3). Do not answer them with a toolResponse.
        /// </summary>
        public bool ByConnection { get; init; }
    }

    /// <summary>The server will end this connection soon (the session can go on over a new one).</summary>
    public sealed record GoAwayReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="goAway">The part of <paramref name="message"/> the event is about.</param>
        public GoAwayReceived(ServerMessage message, GoAway goAway) : base(message) => GoAway = goAway;

        /// <summary>How long the connection has left.</summary>
        public GoAway GoAway { get; }
    }

    /// <summary>A new resumption state from the server (the session keeps the newest resumable handle by itself).</summary>
    public sealed record SessionResumptionUpdated : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="update">The part of <paramref name="message"/> the event is about.</param>
        public SessionResumptionUpdated(ServerMessage message, SessionResumptionUpdate update) : base(message) => Update = update;

        /// <summary>The update; its ToString shows the handle only as a fingerprint.</summary>
        public SessionResumptionUpdate Update { get; }
    }

    /// <summary>The server's voice activity detection saw speech start or end (<c>voiceActivity</c>).</summary>
    public sealed record VoiceActivityReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="activity">The part of <paramref name="message"/> the event is about.</param>
        public VoiceActivityReceived(ServerMessage message, VoiceActivity activity) : base(message) => Activity = activity;

        /// <summary>What it saw.</summary>
        public VoiceActivity Activity { get; }
    }

    /// <summary>An explicit voice activity detection signal (<c>voiceActivityDetectionSignal</c>).</summary>
    public sealed record VoiceActivitySignalReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="signal">The part of <paramref name="message"/> the event is about.</param>
        public VoiceActivitySignalReceived(ServerMessage message, VoiceActivityDetectionSignal signal) : base(message) => Signal = signal;

        /// <summary>The signal.</summary>
        public VoiceActivityDetectionSignal Signal { get; }
    }

    /// <summary>The server reported an error in a message (rather than by closing the connection).</summary>
    public sealed record ServerErrorReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="error">The part of <paramref name="message"/> the event is about.</param>
        public ServerErrorReceived(ServerMessage message, ServerError error) : base(message) => Error = error;

        /// <summary>The error.</summary>
        public ServerError Error { get; }
    }

    /// <summary>
    /// A well-formed message that gives no other event: a kind this version does not know (its members are in
    /// <see cref="WireObject.AdditionalProperties"/>), or content whose only members are ones no event covers.
    /// </summary>
    public sealed record UnknownMessageReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public UnknownMessageReceived(ServerMessage message) : base(message)
        {
        }
    }
}
