using LiveActors.Protocol;

namespace LiveActors.Events;

/// <summary>A chunk of the model's reply (text, audio, code...).</summary>
public sealed record ModelTurnReceived : ServerEvent
{
    internal ModelTurnReceived(ServerMessage message, Content turn) : base(message) => Turn = turn;

    /// <summary>The chunk.</summary>
    public Content Turn { get; }
}
