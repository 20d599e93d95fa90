using System.Text;
using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
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
}
