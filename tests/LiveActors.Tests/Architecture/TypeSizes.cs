using System.Text.RegularExpressions;

namespace LiveActors.Tests.Architecture;

/// <summary>
/// Measures the types declared in C# source by their lines: a small scanner, not a compiler. It blanks out comments,
/// strings and character literals (so braces in them do not count), finds each type declaration (a class, struct,
/// record, interface or enum whose line starts with its modifiers) and matches its braces. A type's own lines run from
/// its declaration line to its closing brace (or its <c>;</c>), less the lines of the types declared in it, which are
/// measured as types of their own; the files of a partial type add up.
/// </summary>
internal static partial class TypeSizes
{
    /// <summary>One declaration of a type: its name with the names of the types it is declared in, and its own lines.</summary>
    public sealed record Declaration(string Name, int FirstLine, int LastLine, int OwnLines);

    /// <summary>Every type of <paramref name="files"/> by its full name (namespace, outer types, name, generic arity), with its own lines summed over its files.</summary>
    public static IReadOnlyDictionary<string, int> OfFiles(IEnumerable<string> files)
    {
        var sizes = new Dictionary<string, int>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var prefix = Namespace().Match(text) is { Success: true } match ? match.Groups[1].Value + "." : "";
            foreach (var type in Scan(text))
            {
                sizes[prefix + type.Name] = sizes.GetValueOrDefault(prefix + type.Name) + type.OwnLines;
            }
        }

        return sizes;
    }

    /// <summary>The type declarations of one file, outer types before the types declared in them.</summary>
    public static IReadOnlyList<Declaration> Scan(string source)
    {
        var code = CodeOnly(source);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineOf(int index)
        {
            var found = lineStarts.BinarySearch(index);
            return (found >= 0 ? found : ~found - 1) + 1;
        }

        var spans = new List<(string Name, int Start, int End)>();
        foreach (Match match in TypeDeclaration().Matches(code))
        {
            var arity = match.Groups["generic"].Success ? match.Groups["generic"].Value.Count(c => c == ',') + 1 : 0;
            var name = match.Groups["name"].Value + (arity > 0 ? $"`{arity}" : "");
            spans.Add((name, match.Index, EndOf(code, match.Index + match.Length)));
        }

        var declarations = new List<Declaration>();
        for (var i = 0; i < spans.Count; i++)
        {
            var (name, start, end) = spans[i];
            var outer = spans.Take(i).Where(s => s.Start < start && end <= s.End).Select(s => s.Name);
            var first = LineOf(start);
            var last = LineOf(end);
            var inner = spans.Where(s => s.Start > start && s.End <= end && !spans.Any(o => o.Start > start && o.Start < s.Start && s.End <= o.End))
                .Sum(s => LineOf(s.End) - LineOf(s.Start) + 1);
            declarations.Add(new Declaration(string.Join('.', outer.Append(name)), first, last, last - first + 1 - inner));
        }

        return declarations;
    }

    /// <summary>Where the declaration whose header goes on from <paramref name="from"/> ends: its closing brace, or the <c>;</c> of one without a body.</summary>
    private static int EndOf(string code, int from)
    {
        var parens = 0;
        for (var i = from; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '(':
                    parens++;
                    break;
                case ')':
                    parens--;
                    break;
                case ';' when parens == 0:
                    return i;
                case '{' when parens == 0:
                    var depth = 0;
                    for (var j = i; j < code.Length; j++)
                    {
                        depth += code[j] switch { '{' => 1, '}' => -1, _ => 0 };
                        if (depth == 0)
                        {
                            return j;
                        }
                    }

                    throw new FormatException($"A type's brace at {i} is never closed.");
            }
        }

        throw new FormatException($"A type declared before {from} has no body.");
    }

    /// <summary>The source with comments, strings and character literals blanked out (line breaks kept), so only code's braces are left.</summary>
    public static string CodeOnly(string source)
    {
        var text = source.ToCharArray();
        var i = 0;
        Code(text, ref i, inHole: false);
        return new string(text);
    }

    /// <summary>Scans code from <paramref name="i"/>; in an interpolation hole, up to the brace that closes it.</summary>
    private static void Code(char[] t, ref int i, bool inHole)
    {
        var depth = 0;
        while (i < t.Length)
        {
            var c = t[i];
            if (c == '/' && At(t, i + 1) == '/')
            {
                while (i < t.Length && t[i] != '\n')
                {
                    Blank(t, i++);
                }
            }
            else if (c == '/' && At(t, i + 1) == '*')
            {
                Blank(t, i++);
                Blank(t, i++);
                while (i < t.Length && !(t[i] == '*' && At(t, i + 1) == '/'))
                {
                    Blank(t, i++);
                }

                BlankUpTo(t, ref i, 2);
            }
            else if (c == '\'')
            {
                Blank(t, i++);
                while (i < t.Length && t[i] != '\'' && t[i] != '\n')
                {
                    if (t[i] == '\\')
                    {
                        Blank(t, i++);
                    }

                    BlankUpTo(t, ref i, 1);
                }

                BlankUpTo(t, ref i, 1);
            }
            else if (StringStart(t, i) is { } prefix)
            {
                StringLiteral(t, ref i, prefix);
            }
            else
            {
                if (inHole && c == '{')
                {
                    depth++;
                }
                else if (inHole && c == '}' && depth-- == 0)
                {
                    return;
                }

                i++;
            }
        }
    }

    /// <summary>The length of a string literal's prefix (<c>$</c>s and <c>@</c>) when one starts at <paramref name="i"/>.</summary>
    private static int? StringStart(char[] t, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(t[i - 1]) || t[i - 1] == '_') && t[i] != '"')
        {
            return null; // inside an identifier
        }

        var j = i;
        while (j < t.Length && t[j] is '$' or '@')
        {
            j++;
        }

        return At(t, j) == '"' ? j - i : null;
    }

    private static void StringLiteral(char[] t, ref int i, int prefix)
    {
        var interpolated = false;
        var verbatim = false;
        for (var k = 0; k < prefix; k++, i++)
        {
            interpolated |= t[i] == '$';
            verbatim |= t[i] == '@';
            Blank(t, i);
        }

        var quotes = 0;
        while (At(t, i + quotes) == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            BlankUpTo(t, ref i, quotes); // raw: to the first run of as many quotes (its holes are blanked with it)
            while (i < t.Length && !Enumerable.Range(i, quotes).All(k => At(t, k) == '"'))
            {
                Blank(t, i++);
            }

            BlankUpTo(t, ref i, quotes);
            return;
        }

        Blank(t, i++);
        while (i < t.Length)
        {
            var c = t[i];
            if (!verbatim && c == '\\')
            {
                BlankUpTo(t, ref i, 2);
            }
            else if (c == '"' && verbatim && At(t, i + 1) == '"')
            {
                BlankUpTo(t, ref i, 2);
            }
            else if (c == '"' || (c == '\n' && !verbatim))
            {
                BlankUpTo(t, ref i, 1);
                return;
            }
            else if (interpolated && c == '{' && At(t, i + 1) == '{')
            {
                BlankUpTo(t, ref i, 2);
            }
            else if (interpolated && c == '{')
            {
                Blank(t, i++);
                Code(t, ref i, inHole: true);
                BlankUpTo(t, ref i, 1);
            }
            else
            {
                Blank(t, i++);
            }
        }
    }

    private static char At(char[] t, int i) => i < t.Length ? t[i] : '\0';

    private static void Blank(char[] t, int i)
    {
        if (t[i] is not ('\n' or '\r'))
        {
            t[i] = ' ';
        }
    }

    private static void BlankUpTo(char[] t, ref int i, int count)
    {
        for (var k = 0; k < count && i < t.Length; k++)
        {
            Blank(t, i++);
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(
        @"^[ \t]*(?:(?:public|internal|private|protected|file|static|sealed|abstract|partial|readonly|ref|unsafe|new)[ \t]+)*"
        + @"(?:class|struct|interface|enum|record(?:[ \t]+(?:class|struct))?)[ \t]+(?<name>@?[A-Za-z_]\w*)(?<generic>[ \t]*<[^<>]*(?:<[^<>]*>[^<>]*)*>)?",
        RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
