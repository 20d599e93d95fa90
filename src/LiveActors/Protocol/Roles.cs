namespace LiveActors.Protocol;

/// <summary>The roles of a <see cref="Content"/>.</summary>
public static class Roles
{
    /// <summary>The person or application talking to the model.</summary>
    public const string User = "user";

    /// <summary>The model.</summary>
    public const string Model = "model";
}
