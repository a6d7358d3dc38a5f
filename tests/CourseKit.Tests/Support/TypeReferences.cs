using System.Reflection;
using System.Reflection.Emit;

namespace CourseKit.Tests.Support;

/// <summary>
/// Every type a type mentions in its compiled form: base type, interfaces, attributes (with their <c>typeof</c>
/// arguments), the signatures of its fields, methods, properties and events, its methods' locals, and every type, field
/// and method token in their IL. What the compiler generated for a type (lambdas' closures, iterators, async state
/// machines) is nested in it, so <see cref="Assembly.GetTypes"/> yields it with the same namespace.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> mentions, with array, pointer and generic types taken apart.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Expand(t, found);
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        Attributes(type.CustomAttributes, found);
        foreach (var f in type.GetFields(Declared)) { Add(f.FieldType); Attributes(f.CustomAttributes, found); }
        foreach (var p in type.GetProperties(Declared)) { Add(p.PropertyType); Attributes(p.CustomAttributes, found); }
        foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            Method(type, m, found);
        return found;
    }

    private static void Method(Type owner, MethodBase method, HashSet<Type> found)
    {
        if (method is MethodInfo info) { Expand(info.ReturnType, found); Attributes(info.ReturnParameter.CustomAttributes, found); }
        foreach (var p in method.GetParameters()) { Expand(p.ParameterType, found); Attributes(p.CustomAttributes, found); }
        Attributes(method.CustomAttributes, found);
        var body = method.GetMethodBody();
        if (body is null) return;
        foreach (var local in body.LocalVariables) Expand(local.LocalType, found);
        foreach (int token in Tokens(body.GetILAsByteArray() ?? []))
        {
            var member = owner.Module.ResolveMember(token,
                owner.IsGenericType ? owner.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
            switch (member)
            {
                case Type t: Expand(t, found); break;
                case FieldInfo f: Expand(f.DeclaringType, found); Expand(f.FieldType, found); break;
                case MethodBase m:
                    Expand(m.DeclaringType, found);
                    if (m is MethodInfo mi) { Expand(mi.ReturnType, found); foreach (var a in mi.GetGenericArguments()) Expand(a, found); }
                    foreach (var p in m.GetParameters()) Expand(p.ParameterType, found);
                    break;
            }
        }
    }

    // The metadata tokens of the instructions that name a type, field or method (ldtoken, call, newobj, box, ldfld, …).
    private static IEnumerable<int> Tokens(byte[] il)
    {
        for (int at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
                yield return BitConverter.ToInt32(il, at);
            at += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
    }

    private static void Attributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> found)
    {
        foreach (var a in attributes)
        {
            Expand(a.AttributeType, found);
            foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue))) Argument(arg, found);
        }
    }

    private static void Argument(CustomAttributeTypedArgument argument, HashSet<Type> found)
    {
        if (argument.Value is Type t) Expand(t, found);
        if (argument.Value is IEnumerable<CustomAttributeTypedArgument> items)
            foreach (var item in items) Argument(item, found);
    }

    private static void Expand(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType) { Expand(type.GetElementType(), found); return; }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments()) Expand(argument, found);
            type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }
}
