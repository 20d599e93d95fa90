using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A chunk of the model's reply (text, audio, code...).</summary>
    public sealed record ModelTurnReceived : ServerEvent
    {
        internal ModelTurnReceived(ServerMessage message, Content turn) : base(message) => Turn = turn;

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
    }
}
