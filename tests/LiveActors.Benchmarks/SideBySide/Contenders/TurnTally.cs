namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>What one turn brought: model chunks and the audio bytes in them.</summary>
internal readonly record struct TurnTally(int Chunks, long AudioBytes);
