using System.Reflection;
using System.Reflection.Emit;

namespace LiveActors.Tests.Architecture;

/// <summary>
/// Which LiveActors namespaces use which, read from compiled code: every type's base, interfaces, members' signatures
/// and the types, methods and fields its IL names. A namespace is a folder, so an edge is one folder using another.
/// </summary>
internal static class NamespaceGraph
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>For each namespace under <paramref name="root"/>, the others it uses, each with one type that shows it.</summary>
    public static Dictionary<string, Dictionary<string, string>> Of(IEnumerable<Assembly> assemblies, string root)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(assembly => assembly.GetTypes()))
        {
            if (NamespaceOf(type) is not { } from || !Under(from, root))
            {
                continue;
            }

            var uses = graph.TryGetValue(from, out var known) ? known : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in TypesUsedBy(type))
            {
                if (NamespaceOf(used) is { } to && to != from && Under(to, root))
                {
                    uses.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>The namespaces that use each other in a circle, each circle once (Tarjan's strongly connected components).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private static bool Under(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>A nested type (a closure, a state machine) belongs to the namespace of the type it is written in.</summary>
    private static string? NamespaceOf(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        while (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            type = outer;
        }

        return type.IsGenericParameter ? null : type.Namespace;
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var found = new List<Type>();
        void Add(Type? used)
        {
            if (used is null)
            {
                return;
            }

            found.Add(used);
            if (used.HasElementType)
            {
                Add(used.GetElementType());
            }

            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                foreach (var argument in used.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var member in MembersNamedIn(method))
            {
                Add(member as Type ?? member.DeclaringType);
                if (member is FieldInfo field)
                {
                    Add(field.FieldType);
                }
            }
        }

        return found;
    }

    /// <summary>The types, methods and fields the method's IL names by token.</summary>
    private static IEnumerable<MemberInfo> MembersNamedIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                yield break; // not IL this reader knows: stop rather than misread the rest
            }

            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                if (member is not null)
                {
                    yield return member;
                }
            }

            at += operand;
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a token of a member this runtime cannot bind out of context; its type is named elsewhere too
        }
    }
}
