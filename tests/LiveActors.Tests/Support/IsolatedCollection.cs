namespace LiveActors.Tests.Support;

/// <summary>
/// Tests that must run alone: they change the process environment, or measure the heap. xunit runs this collection
/// after the parallel ones, one test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollection
{
    public const string Name = "Isolated";
}
