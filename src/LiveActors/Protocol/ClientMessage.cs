namespace LiveActors.Protocol;

/// <summary>
/// A message a client sends: <see cref="Setup"/>, <see cref="ClientContent"/>, <see cref="RealtimeInput"/>,
/// <see cref="ToolResponse"/>, or <see cref="RawClientMessage"/> for JSON LiveActors does not model yet.
/// </summary>
public abstract record ClientMessage : WireObject
{
    private protected ClientMessage()
    {
    }
}
