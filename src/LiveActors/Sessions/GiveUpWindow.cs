namespace LiveActors.Sessions;

/// <summary>The latest sessions that gave up, for a region's health: a window's worth, not the region's life.</summary>
internal sealed class GiveUpWindow(int capacity = 256)
{
    private readonly Queue<(DateTimeOffset At, string Code)> _gaveUp = new();

    /// <summary>A session gave up at <paramref name="at"/> with <paramref name="code"/>.</summary>
    public void Add(DateTimeOffset at, string code)
    {
        if (_gaveUp.Count == capacity)
        {
            _gaveUp.Dequeue();
        }

        _gaveUp.Enqueue((at, code));
    }

    /// <summary>How many gave up since <paramref name="since"/>, and the code of the latest.</summary>
    public RegionGiveUps Since(DateTimeOffset since)
    {
        var recent = _gaveUp.Where(g => g.At >= since).ToList();
        return new RegionGiveUps(recent.Count, recent.Count > 0 ? recent[^1].Code : null);
    }
}
