namespace LiveActors.Protocol;

/// <summary>Wire names of modalities, for <see cref="GenerationConfig.ResponseModalities"/> and token details.</summary>
public static class Modalities
{
    /// <summary>Text.</summary>
    public const string Text = "TEXT";

    /// <summary>Audio.</summary>
    public const string Audio = "AUDIO";

    /// <summary>Image.</summary>
    public const string Image = "IMAGE";

    /// <summary>Video.</summary>
    public const string Video = "VIDEO";
}
