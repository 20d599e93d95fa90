namespace LiveActors.Transport;

/// <summary>
/// What the receive loop has parsed and not yet handed on. While frames keep arriving without the loop having to wait,
/// messages are held and handed on together, as one <see cref="InboundBatch"/>, when the loop is about to wait or holds
/// <see cref="Capacity"/>; a message that arrives alone goes on alone. Under load that saves the session a mailbox
/// wake-up per message; a quiet session sees no difference, because everything is handed on before the loop waits.
/// </summary>
/// <remarks>Used by the receive loop only, so not thread-safe. Until <see cref="BatchTo"/> every message goes on at once.</remarks>
internal sealed class InboundHold(Action<object> target)
{
    /// <summary>The most messages held at once.</summary>
    public const int Capacity = 64;

    private readonly List<object> _held = [];
    private Action<object> _target = target;
    private bool _batching;

    /// <summary>Holds a message, or hands it on at once while not batching or when the hold is full.</summary>
    public void Add(object message)
    {
        if (!_batching)
        {
            _target(message);
            return;
        }

        _held.Add(message);
        if (_held.Count >= Capacity)
        {
            Flush();
        }
    }

    /// <summary>Hands on everything held, in order.</summary>
    public void Flush()
    {
        switch (_held.Count)
        {
            case 0:
                return;
            case 1:
                _target(_held[0]);
                break;
            default:
                _target(new InboundBatch([.. _held]));
                break;
        }

        _held.Clear();
    }

    /// <summary>From now on, messages go to <paramref name="session"/>, in batches.</summary>
    public void BatchTo(Action<object> session)
    {
        Flush();
        _target = session;
        _batching = true;
    }
}
