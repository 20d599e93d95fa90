namespace LiveActors;

/// <summary>
/// The Live session protocol: the messages an application sends to a session actor (<see cref="Send"/>,
/// <see cref="Receive"/>, <see cref="ReceiveAll"/>, <see cref="Close"/>, <see cref="GetStatus"/>, <see cref="Subscribe"/>,
/// <see cref="Unsubscribe"/>), their answers (<see cref="SendAccepted"/>, <see cref="SendFailed"/>,
/// <see cref="ReceivedMessages"/>, <see cref="Closed"/>, <see cref="StatusReport"/>, <see cref="Subscribed"/>,
/// <see cref="Unsubscribed"/>) and the events subscribers get (<see cref="Event"/> and its kinds).
/// </summary>
/// <remarks>
/// They are nested here as Akka.IO's are in <c>Tcp</c> (<c>Tcp.Connect</c>, <c>Tcp.Write</c>), so that
/// <c>Live.Send</c> and <c>Live.Receive</c> never clash with <c>Akka.Actor.Receive</c>,
/// <c>Akka.Actor.ReceiveTimeout</c> or the <c>Send</c> and <c>Subscribe</c> of
/// <c>Akka.Cluster.Tools.PublishSubscribe</c>, and <c>Live.</c> tells the reader whose message it is.
/// </remarks>
public static partial class Live;
