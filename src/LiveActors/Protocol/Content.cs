namespace LiveActors.Protocol;

/// <summary>A turn of conversation: who spoke (<c>user</c> or <c>model</c>) and its parts.</summary>
public sealed record Content : WireObject
{
    /// <summary><c>user</c> or <c>model</c>; optional in a system instruction.</summary>
    public string? Role { get; init; }

    /// <summary>The parts of the turn, in order.</summary>
    public IReadOnlyList<Part>? Parts { get; init; }

    /// <summary>A content with one text part and the given role.</summary>
    public static Content FromText(string text, string? role = Roles.User) => new() { Role = role, Parts = [new Part { Text = text }] };
}
