using LiveActors.Options;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>What the delivery rules' plain tests start from: resumption with handles, reporting what is uncertain.</summary>
internal static class DeliveryFixtures
{
    /// <summary>The cause of every drop in these tests.</summary>
    public static readonly ConnectionFailed Dropped = new("dropped");

    /// <summary>Gemini API handles: report uncertain messages, never ask again, refuse lost tool results.</summary>
    public static readonly SessionResumptionOptions Handles = new()
    {
        Enabled = true,
        Transparent = false,
        UncertainMessages = UncertainDelivery.Report,
        AskAgainAfterCutReply = false,
        LostToolResults = LostToolResults.Refuse,
    };
}
