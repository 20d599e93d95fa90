using System.Text.Json;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Protocol;

/// <summary>An error object the server sent (<c>{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}</c>).</summary>
public sealed record ServerErrorPayload : WireObject
{
    /// <summary>The HTTP-style code.</summary>
    public int? Code { get; init; }

    /// <summary>The server's message.</summary>
    public string? Message { get; init; }

    /// <summary>The google.rpc status name.</summary>
    public string? Status { get; init; }

    /// <summary>Structured details, when sent.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>The payload as a typed <see cref="ServerError"/>.</summary>
    public ServerError ToError() => new(Code, Status, Message ?? "");
}
