using System.Runtime.CompilerServices;
using LiveActors.Errors;

namespace LiveActors.Tests.Docs;

/// <summary>docs/errors.md's table names every <see cref="ConnectionError"/> with its code, and no code that is gone.</summary>
public sealed class ErrorsDocTests
{
    [Fact]
    public void The_errors_table_has_a_row_per_error_with_its_code_and_record()
    {
        var inCode = typeof(ConnectionError).GetNestedTypes()
            .Where(type => type.IsSubclassOf(typeof(ConnectionError)) && !type.IsAbstract)
            .Select(type => $"{((ConnectionError)RuntimeHelpers.GetUninitializedObject(type)).Code} {type.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var inDoc = DocTables.Rows("errors.md", cell => cell.StartsWith('`'))
            .Select(cells => $"{DocTables.Code(cells[0])} {DocTables.Code(cells[1]).Split('(')[0]}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(inCode.Count > 10, "the errors were not found by reflection");
        Assert.Equal(inCode, inDoc);
    }
}
