namespace LiveActors.Emulator.Faults;

/// <summary>
/// A way for one emulated connection to misbehave. Faults are scripted per connection (<see cref="LiveEmulator.ScriptNextConnection"/>
/// or <see cref="LiveEmulatorOptions.FaultRule"/>) and several may apply to the same connection.
/// </summary>
public abstract record EmulatorFault
{
    private protected EmulatorFault()
    {
    }

    /// <summary>Refuse the WebSocket upgrade with an HTTP status and a Google-style JSON error body.</summary>
    public static EmulatorFault RejectUpgrade(int status, string message = "The service is currently unavailable.") => new RejectUpgradeFault(status, message);

    /// <summary>Never answer the upgrade request.</summary>
    public static EmulatorFault HangUpgrade { get; } = new HangUpgradeFault();

    /// <summary>Accept the connection and the setup message, but never send setupComplete.</summary>
    public static EmulatorFault IgnoreSetup { get; } = new IgnoreSetupFault();

    /// <summary>
    /// Drop the TCP connection without a close frame. Triggered by a client message, it drops as that message arrives:
    /// the message is recorded (the server has it) but not acted on, so no reply or resumption update about it is sent.
    /// </summary>
    public static EmulatorFault Drop(FaultTrigger when) => new DropFault(when);

    /// <summary>Close with a code and reason.</summary>
    public static EmulatorFault Close(FaultTrigger when, int code, string reason = "") => new CloseFault(when, code, reason);

    /// <summary>Send goAway with <paramref name="timeLeft"/>, then close with 1011 once it has passed.</summary>
    public static EmulatorFault GoAway(FaultTrigger when, TimeSpan timeLeft) => new GoAwayFault(when, timeLeft);

    /// <summary>Send one frame that is not JSON.</summary>
    public static EmulatorFault MalformedFrame(FaultTrigger when) => new MalformedFrameFault(when);

    /// <summary>Send one frame exactly as given (JSON text, any shape): a frame captured from the service, say.</summary>
    public static EmulatorFault RawFrame(FaultTrigger when, string frame) => new RawFrameFault(when, frame);

    /// <summary>Send one message of a kind no client knows.</summary>
    public static EmulatorFault UnknownKind(FaultTrigger when) => new UnknownKindFault(when);

    /// <summary>Split every server message into frames of at most <paramref name="frameBytes"/> bytes.</summary>
    public static EmulatorFault Fragment(int frameBytes) => new FragmentFault(frameBytes);

    /// <summary>Send one serverContent message of about <paramref name="bytes"/> bytes (8 MiB by default).</summary>
    public static EmulatorFault Huge(FaultTrigger when, int bytes = 8 * 1024 * 1024) => new HugeMessageFault(when, bytes);

    /// <summary>After setupComplete, say nothing and read nothing: no replies, no pongs.</summary>
    public static EmulatorFault Silence { get; } = new SilenceFault();

    /// <summary>Wait this long before every message of the scripted model's replies (setupComplete and interruptions are not delayed).</summary>
    public static EmulatorFault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Answer the first turn with <paramref name="chunks"/> text chunks.</summary>
    public static EmulatorFault Flood(int chunks) => new FloodFault(chunks);

    /// <summary>Answer the first turn with <paramref name="chunks"/> chunks of 24 kHz audio, 9,600 bytes (200 ms) each.</summary>
    public static EmulatorFault AudioFlood(int chunks) => new AudioFloodFault(chunks);

    /// <summary>Stop reading client messages (a slow reader), so the client's sends back up.</summary>
    public static EmulatorFault StopReading(FaultTrigger when) => new StopReadingFault(when);

    /// <summary>
    /// Issue every resumption handle at its usual point, but send it only once <paramref name="clientMessages"/> more
    /// client messages have arrived: a handle on a slow trip back, so the client has written messages it does not cover.
    /// </summary>
    public static EmulatorFault HoldResumptionUpdates(int clientMessages) => new HoldResumptionUpdatesFault(clientMessages);

    /// <summary>
    /// Wait <paramref name="delay"/> before sending each resumption handle after a turn (and everything after it, in order):
    /// a handle on a slow trip back that comes in time, not after more client messages.
    /// </summary>
    public static EmulatorFault DelayResumptionUpdates(TimeSpan delay) => new DelayResumptionUpdatesFault(delay);

    /// <summary>
    /// A poisoned handle: when the connection resumes with a handle, it gets setupComplete, then closes with 1011 "The
    /// service is currently unavailable." on its first client message (recorded, never acted on). A connection without
    /// a handle behaves. <see cref="LiveEmulator.PoisonResumptionHandles"/> sets it for every connection.
    /// </summary>
    public static EmulatorFault PoisonHandles { get; } = new PoisonHandlesFault();

    /// <summary>After the turnComplete of reply <paramref name="afterTurn"/> (from 1), send a bare interrupted that belongs to no turn.</summary>
    public static EmulatorFault StrayInterrupted(int afterTurn = 1) => new StrayInterruptedFault(afterTurn);
}

/// <summary>See <see cref="EmulatorFault.RejectUpgrade"/>.</summary>
public sealed record RejectUpgradeFault(int Status, string Message) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.HangUpgrade"/>.</summary>
public sealed record HangUpgradeFault : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.IgnoreSetup"/>.</summary>
public sealed record IgnoreSetupFault : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Drop"/>.</summary>
public sealed record DropFault(FaultTrigger When) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Close"/>.</summary>
public sealed record CloseFault(FaultTrigger When, int Code, string Reason) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.GoAway"/>.</summary>
public sealed record GoAwayFault(FaultTrigger When, TimeSpan TimeLeft) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.MalformedFrame"/>.</summary>
public sealed record MalformedFrameFault(FaultTrigger When) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.UnknownKind"/>.</summary>
public sealed record UnknownKindFault(FaultTrigger When) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Fragment"/>.</summary>
public sealed record FragmentFault(int FrameBytes) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Huge"/>.</summary>
public sealed record HugeMessageFault(FaultTrigger When, int Bytes) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Silence"/>.</summary>
public sealed record SilenceFault : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Delay"/>.</summary>
public sealed record DelayFault(TimeSpan Wait) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.Flood"/>.</summary>
public sealed record FloodFault(int Chunks) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.AudioFlood"/>.</summary>
public sealed record AudioFloodFault(int Chunks) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.StopReading"/>.</summary>
public sealed record StopReadingFault(FaultTrigger When) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.HoldResumptionUpdates"/>.</summary>
public sealed record HoldResumptionUpdatesFault(int ClientMessages) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.DelayResumptionUpdates"/>.</summary>
public sealed record DelayResumptionUpdatesFault(TimeSpan Wait) : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.PoisonHandles"/>.</summary>
public sealed record PoisonHandlesFault : EmulatorFault;

/// <summary>See <see cref="EmulatorFault.RawFrame"/>.</summary>
public sealed record RawFrameFault(FaultTrigger When, string Frame) : EmulatorFault;
