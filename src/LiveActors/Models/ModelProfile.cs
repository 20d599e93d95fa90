namespace LiveActors.Models;

/// <summary>
/// The wire rules one Live model follows (docs/live-api.md 5.5; docs/models.md lists them): data the session, the
/// emulator and the documentation read, never if-statements on a model's name. <see cref="ModelProfiles.For"/> finds a
/// model's profile by name prefix; every value can be overridden with a <c>with</c> expression.
/// </summary>
public sealed record ModelProfile
{
    /// <summary>The profile's name, as docs/models.md and HOCON <c>model-profile</c> spell it.</summary>
    public required string Name { get; init; }

    /// <summary>Model names (the last segment of any form of the name) that start with one of these take this profile.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Whether this profile came from the table (false: the permissive profile an unknown name gets).</summary>
    public bool Known { get; init; } = true;

    /// <summary>How a user turn of text goes on the wire.</summary>
    public UserTextForm UserText { get; init; } = UserTextForm.ClientContent;

    /// <summary>
    /// Whether the server takes <c>clientContent</c> after the initial history. Information only: mid-session messages
    /// are never refused locally; a 1007 that follows is reported with the message it refused.
    /// </summary>
    public bool MidSessionClientContent { get; init; } = true;

    /// <summary>How an initial history is sent.</summary>
    public InitialHistoryForm InitialHistory { get; init; } = InitialHistoryForm.ClientContent;

    /// <summary>The <c>responseModalities</c> the model accepts in setup (<c>AUDIO</c>, <c>TEXT</c>, <c>VIDEO</c>).</summary>
    public IReadOnlyList<string> ResponseModalities { get; init; } = ["AUDIO", "TEXT"];

    /// <summary>Whether <c>thinkingConfig.thinkingLevel</c> is taken, refused or required.</summary>
    public Acceptance ThinkingLevel { get; init; } = Acceptance.Unknown;

    /// <summary>Whether <c>thinkingConfig.thinkingBudget</c> is taken or refused.</summary>
    public Acceptance ThinkingBudget { get; init; } = Acceptance.Unknown;

    /// <summary>The behaviour a function declaration without <c>behavior</c> gets.</summary>
    public FunctionBehavior DefaultFunctionBehavior { get; init; } = FunctionBehavior.Blocking;

    /// <summary>Whether a <c>BLOCKING</c> declaration is taken.</summary>
    public Acceptance BlockingFunctions { get; init; } = Acceptance.Accepted;

    /// <summary>Whether a <c>NON_BLOCKING</c> declaration is taken.</summary>
    public Acceptance NonBlockingFunctions { get; init; } = Acceptance.Accepted;

    /// <summary>Whether <c>FunctionResponse.scheduling</c> is taken.</summary>
    public Acceptance ResponseScheduling { get; init; } = Acceptance.Accepted;

    /// <summary>What becomes of a pending BLOCKING call when new client input arrives.</summary>
    public BlockingCallOnInput BlockingCallOnInput { get; init; } = BlockingCallOnInput.Unknown;

    /// <summary>Whether the model speaks unprompted.</summary>
    public ProactiveAudio ProactiveAudio { get; init; } = ProactiveAudio.Unknown;

    /// <summary>What ends an interaction.</summary>
    public InteractionEnd InteractionEnd { get; init; } = InteractionEnd.TurnComplete;

    /// <summary>Whether the service still serves these models but names a newer default (3.1 since 3.8 went GA).</summary>
    public bool Legacy { get; init; }

    /// <summary>The day the service stopped serving these models; null while they are served.</summary>
    public DateOnly? ShutDownOn { get; init; }

    /// <summary>The model to use instead of a shut-down one.</summary>
    public string? Replacement { get; init; }

    /// <summary>Where each value comes from, for docs/models.md.</summary>
    public string? Source { get; init; }

    /// <summary>Whether <paramref name="modality"/> may be asked for in setup.</summary>
    public bool Accepts(string modality) =>
        ResponseModalities.Contains(modality, StringComparer.OrdinalIgnoreCase);
}

/// <summary>How a user turn of text goes on the wire.</summary>
public enum UserTextForm
{
    /// <summary>A <c>clientContent</c> turn, role <c>user</c>, with <c>turnComplete: true</c>.</summary>
    ClientContent,

    /// <summary><c>realtimeInput.text</c>.</summary>
    RealtimeInputText,
}

/// <summary>How an initial history is sent.</summary>
public enum InitialHistoryForm
{
    /// <summary><c>clientContent</c> turns with roles, before any realtime input.</summary>
    ClientContent,

    /// <summary>The same, announced in setup by <c>historyConfig.initialHistoryInClientContent: true</c>.</summary>
    ClientContentWithHistoryConfig,
}

/// <summary>Whether a model takes a setup field or a declaration.</summary>
public enum Acceptance
{
    /// <summary>Not probed: sent as the application asks, never checked locally.</summary>
    Unknown,

    /// <summary>Taken.</summary>
    Accepted,

    /// <summary>The connection closes with 1007 if it is sent.</summary>
    Rejected,

    /// <summary>The connection closes with 1007 if it is missing.</summary>
    Required,
}

/// <summary>A function declaration's <c>behavior</c>.</summary>
public enum FunctionBehavior
{
    /// <summary><c>BLOCKING</c>: the model waits for the response.</summary>
    Blocking,

    /// <summary><c>NON_BLOCKING</c>: the model goes on; the response's <c>scheduling</c> says when it is used.</summary>
    NonBlocking,
}

/// <summary>What becomes of a pending BLOCKING call when new client input arrives.</summary>
public enum BlockingCallOnInput
{
    /// <summary>Not known for this model.</summary>
    Unknown,

    /// <summary>The server sends <c>toolCallCancellation</c> for it.</summary>
    CancellationMessage,

    /// <summary>The server cancels it without a word: a response sent after the input may never be used.</summary>
    SilentCancel,

    /// <summary>The call holds the turn until it is answered.</summary>
    HoldsTurn,

    /// <summary>The model takes no BLOCKING calls.</summary>
    NotApplicable,
}

/// <summary>Whether the model speaks unprompted.</summary>
public enum ProactiveAudio
{
    /// <summary>Not documented for this model.</summary>
    Unknown,

    /// <summary>Off unless setup asks for <c>proactivity.proactiveAudio: true</c>.</summary>
    OptIn,

    /// <summary>Always on; <c>proactiveAudio: false</c> is refused.</summary>
    AlwaysOn,
}

/// <summary>What ends an interaction.</summary>
public enum InteractionEnd
{
    /// <summary><c>turnComplete</c>.</summary>
    TurnComplete,

    /// <summary><c>interactionStatus: IDLE</c> only; the model may speak several times per request.</summary>
    InteractionIdle,
}
