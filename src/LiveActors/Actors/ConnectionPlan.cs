using LiveActors.Auth;
using LiveActors.Protocol;
using LiveActors.Transport;

namespace LiveActors.Actors;

/// <summary>What a ConnectionActor needs for one attempt: where and how to connect, the setup to send, its time budgets.</summary>
internal sealed record ConnectionPlan(
    SocketSettings Settings,
    IHeaderSource Credentials,
    Setup Setup,
    TimeSpan Timeout,
    TimeSpan CloseTimeout,
    int Attempt);
