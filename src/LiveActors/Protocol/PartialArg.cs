namespace LiveActors.Protocol;

/// <summary>A piece of a function call's arguments streamed before the call is whole (<see cref="FunctionCall.PartialArgs"/>).</summary>
public sealed record PartialArg : WireObject
{
    /// <summary>Where in the arguments the value goes, a JSON path such as <c>$.city</c>.</summary>
    public string? JsonPath { get; init; }

    /// <summary>A string value (or a piece of one, when <see cref="WillContinue"/>).</summary>
    public string? StringValue { get; init; }

    /// <summary>A number value.</summary>
    public double? NumberValue { get; init; }

    /// <summary>A boolean value.</summary>
    public bool? BoolValue { get; init; }

    /// <summary>More of this value follows.</summary>
    public bool? WillContinue { get; init; }
}
