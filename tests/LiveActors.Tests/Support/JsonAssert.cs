using System.Text;
using System.Text.Json.Nodes;

namespace LiveActors.Tests;

/// <summary>Compares JSON by meaning: the same members and values, in any order and layout.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, ReadOnlySpan<byte> actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"Expected {expectedNode?.ToJsonString()}\nbut got  {Encoding.UTF8.GetString(actual)}");
    }
}
