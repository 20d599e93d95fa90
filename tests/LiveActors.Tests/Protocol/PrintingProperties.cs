using System.Collections;
using System.Reflection;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Logging;
using LiveActors.Models;

namespace LiveActors.Tests.Protocol;

/// <summary>
/// A log line must never throw: whatever frame the parser accepts, with numbers that fit no double or long anywhere in
/// it, its message, every event made from it, every typed member and every log line about it print without throwing.
/// </summary>
public sealed class PrintingProperties
{
    public static TheoryData<string> Edges => [.. EdgeNumberFrames.Edges];

    [Property(MaxTest = 600)]
    public bool Frames_with_edge_numbers_anywhere_print_and_log_without_throwing(PositiveInt sample, int seed, bool addMembers)
    {
        var (name, frame) = EdgeNumberFrames.Corpus[sample.Get % EdgeNumberFrames.Corpus.Count];
        var random = new Random(seed);
        var mutated = EdgeNumberFrames.Rewrite(frame, () => EdgeNumberFrames.Edges[random.Next(EdgeNumberFrames.Edges.Length)], addMembers);
        PrintEverything(name, mutated);
        return true;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Every_sample_with_every_number_made_one_edge_number_prints_and_logs_without_throwing(string edge)
    {
        foreach (var (name, frame) in EdgeNumberFrames.Corpus)
        {
            PrintEverything(name, EdgeNumberFrames.Rewrite(frame, () => edge, addMembers: false));
            PrintEverything(name, EdgeNumberFrames.Rewrite(frame, () => edge, addMembers: true));
        }
    }

    [Theory]
    [InlineData("""{"usageMetadata":{"totalTokenCount":1e400,"promptTokenCount":9223372036854775808}}""")]
    [InlineData("""{"goAway":{"timeLeft":1e400}}""")]
    [InlineData("""{"toolCall":{"functionCalls":[{"id":"c1","name":"f","args":{"n":1e400,"z":-0,"big":9223372036854775808}}]}}""")]
    [InlineData("""{"sessionResumptionUpdate":{"newHandle":"h","resumable":true,"lastConsumedClientMessageIndex":1e400}}""")]
    [InlineData("""{"serverContent":{"groundingMetadata":{"groundingSupports":[{"confidenceScores":[1e400,-0]}],"retrievalMetadata":{"googleSearchDynamicRetrievalScore":1e400}}}}""")]
    [InlineData("""{"someday":1e400,"serverContent":{"turnComplete":true,"later":{"n":-1e400}}}""")]
    public void A_frame_with_a_number_past_double_prints_and_logs_without_throwing(string frame) =>
        PrintEverything("inline", System.Text.Encoding.UTF8.GetBytes(frame));

    [Fact]
    public void A_number_past_double_is_kept_raw_as_it_came_and_printed_so()
    {
        const string Frame = """{"serverContent":{"groundingMetadata":{"groundingSupports":[{"confidenceScores":[1e400,0.5]}]},"turnComplete":true}}""";
        Assert.True(ServerMessageParser.TryParse(System.Text.Encoding.UTF8.GetBytes(Frame), out var message, out var error, out var odd), error?.Detail);

        var content = message.ServerContent!;
        Assert.True(content.TurnComplete);
        Assert.Null(content.GroundingMetadata);
        Assert.Equal("""{"groundingSupports":[{"confidenceScores":[1e400,0.5]}]}""", content.AdditionalProperties!["groundingMetadata"].GetRawText());
        Assert.Equal(["groundingMetadata"], odd);
        Assert.Contains("1e400", message.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_record_built_with_a_double_JSON_cannot_hold_prints_its_name_instead_of_throwing(double temperature) =>
        Assert.Equal(nameof(GenerationConfig), new GenerationConfig { Temperature = temperature }.ToString());

    private static void PrintEverything(string name, byte[] frame)
    {
        try
        {
            using var logs = new RecordingLoggerFactory();
            var logger = logs.CreateLogger("printing");
            PrintAsServerMessage(frame, logger);
            PrintAsClientMessage(frame);
            foreach (var line in logs.Lines)
            {
                Assert.NotNull(line.Text);
            }
        }
        catch (Exception e)
        {
            Assert.Fail($"{name} as {EdgeNumberFrames.Text(frame)}: {e}");
        }
    }

    private static void PrintAsServerMessage(byte[] frame, ILogger logger)
    {
        if (!ServerMessageParser.TryParse(frame, out var message, out var error, out var odd))
        {
            Assert.NotNull(error.ToString());
            Assert.NotNull(new Live.MalformedFrameReceived(error).ToString());
            Log.MalformedFrame(logger, error.Detail);
            return;
        }

        Assert.NotNull(message.ToString());
        Assert.NotNull(MessageKinds.Of(message));
        Assert.NotNull(new Live.ReceivedMessages([message]).ToString());
        ReadEveryMember(message, depth: 0);
        foreach (var member in odd ?? [])
        {
            Log.OddMember(logger, member);
        }

        foreach (var family in Enum.GetValues<ModelFamily>())
        {
            foreach (var @event in Live.ServerEvent.From(message, family))
            {
                Assert.NotNull(@event.ToString());
                ReadEveryMember(@event, depth: 0);
            }
        }
    }

    private static void PrintAsClientMessage(byte[] frame)
    {
        if (ClientMessageSerializer.TryDeserialize(frame, out var message, out var error))
        {
            Assert.NotNull(message.ToString());
            Assert.NotNull(MessageKinds.Of(message));
            Assert.NotNull(new Live.Send(message).ToString());
            ReadEveryMember(message, depth: 0);
        }
        else
        {
            Assert.NotNull(error.ToString());
        }
    }

    /// <summary>Reads every public property, all the way down, and prints each value: none may throw.</summary>
    private static void ReadEveryMember(object? value, int depth)
    {
        if (value is null || depth > 64 || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        Assert.NotNull(value.ToString());
        if (value is JsonElement element)
        {
            Assert.NotNull(element.GetRawText());
            return;
        }

        if (value is IEnumerable items and not IDictionary<string, JsonElement>)
        {
            foreach (var item in items)
            {
                ReadEveryMember(item, depth + 1);
            }
        }

        if (value.GetType().Namespace?.StartsWith("LiveActors", StringComparison.Ordinal) != true && value is not IEnumerable)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || value is IEnumerable)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"{value.GetType().Name}.{property.Name} threw when read", e.InnerException);
            }

            ReadEveryMember(member, depth + 1);
        }
    }
}
