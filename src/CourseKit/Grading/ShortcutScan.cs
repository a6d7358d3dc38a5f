using System.Reflection;
using System.Reflection.Emit;

namespace CourseKit.Grading;

/// <summary>
/// Finds, for a live check, a library shortcut the learner's function uses: it reads the IL of the function and of
/// every method of the learner's own code it calls (lambdas and local functions included), and resolves each member
/// it calls, reads or creates. The grader does the same on the source, over every cell the learner wrote.
/// </summary>
internal static class ShortcutScan
{
    private const int MaxMethods = 2000;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>A use found: the rule's message, naming the member.</summary>
    public sealed record Use(string Message);

    /// <summary>The first use of one of <paramref name="shortcuts"/> by <paramref name="learner"/>, or null.</summary>
    public static Use? FindUse(Delegate learner, IReadOnlyList<LibraryShortcut> shortcuts)
    {
        if (shortcuts.Count == 0) return null;
        var visited = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>(learner.GetInvocationList().Select(d => d.Method));
        while (pending.Count > 0 && visited.Count < MaxMethods)
        {
            var method = pending.Pop();
            if (!visited.Add(method)) continue;
            foreach (var member in MembersUsedBy(method))
            {
                if (Hit(member, shortcuts) is { } use) return use;
                if (member is MethodBase callee && IsLearnerCode(callee)) pending.Push(callee);
            }
        }
        return null;
    }

    private static Use? Hit(MemberInfo member, IReadOnlyList<LibraryShortcut> shortcuts)
    {
        Type? type = member as Type ?? member.DeclaringType;
        if (type is null) return null;
        if (type.IsGenericType && !type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        string name = member is Type ? "" : MemberName(member);
        foreach (var shortcut in shortcuts)
        {
            if (shortcut.Find(type.FullName ?? type.Name, name) is not null)
                return new Use(shortcut.Message("your function", ApiMember.Display(type.FullName ?? type.Name, name)));
        }
        return null;
    }

    // Property accessors count as the property.
    private static string MemberName(MemberInfo member) =>
        member is MethodInfo { IsSpecialName: true } m && (m.Name.StartsWith("get_", StringComparison.Ordinal) || m.Name.StartsWith("set_", StringComparison.Ordinal))
            ? m.Name[4..] : member.Name;

    private static bool IsLearnerCode(MethodBase method) =>
        method.DeclaringType is { } type && !LearnerCode.IsLibrary(type.Assembly) && method.GetMethodBody() is not null;

    private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { yield break; }
        if (il is null) yield break;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break; // not IL we understand: stop rather than misread
            i += op.Size;
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                if (Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs) is { } member) yield return member;
            }
            i += OperandSize(op, il, i);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try { return module.ResolveMember(token, typeArgs, methodArgs); }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or MissingMemberException or TypeLoadException) { return null; }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
