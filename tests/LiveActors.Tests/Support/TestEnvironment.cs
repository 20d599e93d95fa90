using LiveActors.Auth;

namespace LiveActors.Tests.Support;

/// <summary>Environment variables for one test, without touching the process environment other tests see.</summary>
internal static class TestEnvironment
{
    public static LiveEnvironment Empty { get; } = new(_ => null);

    public static LiveEnvironment With(params (string Name, string? Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new LiveEnvironment(name => values.GetValueOrDefault(name));
    }
}
