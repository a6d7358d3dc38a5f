namespace CourseKit.Grading;

/// <summary>
/// A member of the library or of .NET, by its declaring type's full name (<see cref="Type.FullName"/>) and its name:
/// every overload of a method, a property, a field — or, with a null <see cref="Member"/>, anything of the type
/// (constructors included). A <see cref="Member"/> ending in <c>*</c> names every member starting with the rest
/// (<c>BatchNorm*</c>).
/// </summary>
public sealed record ApiMember(string TypeFullName, string? Member)
{
    /// <summary>Members of <paramref name="type"/> named <paramref name="members"/> (with <c>nameof</c>, so renames follow).</summary>
    public static IEnumerable<ApiMember> Of(Type type, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(members);
        return members.Select(m => new ApiMember(type.FullName!, m));
    }

    /// <summary>Every member of <paramref name="type"/>.</summary>
    public static ApiMember All(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new ApiMember(type.FullName!, null);
    }

    /// <summary>Whether a use of member <paramref name="member"/> of type <paramref name="typeFullName"/> is this one.</summary>
    public bool Matches(string typeFullName, string member)
    {
        if (!string.Equals(typeFullName, TypeFullName, StringComparison.Ordinal)) return false;
        if (Member is null) return true;
        return Member.EndsWith('*') ? member.StartsWith(Member[..^1], StringComparison.Ordinal) : member == Member;
    }

    /// <summary>How messages name it: <c>MatrixFunctions.Softmax</c>, or <c>BatchNorm</c> for a whole type.</summary>
    public static string Display(string typeFullName, string member)
    {
        string type = typeFullName[(typeFullName.LastIndexOfAny(['.', '+']) + 1)..];
        int generic = type.IndexOf('`', StringComparison.Ordinal);
        if (generic > 0) type = type[..generic];
        return member is ".ctor" or "" ? type : $"{type}.{member}";
    }
}

/// <summary>
/// What an exercise asks the learner to write themselves, and every member of the library (or of .NET) that would do
/// it for them: <c>new LibraryShortcut("softmax", [..ApiMember.Of(typeof(MatrixFunctions), nameof(MatrixFunctions.Softmax)), …])</c>.
/// A check declares it with <see cref="Check{TIn, TOut}.WriteYourself"/>; the ready-made ones are in <see cref="Shortcuts"/>.
/// </summary>
/// <param name="What">What the learner writes, as the message says it ("softmax", "one-hot encoding").</param>
/// <param name="Members">The members that compute it.</param>
public sealed record LibraryShortcut(string What, IReadOnlyList<ApiMember> Members)
{
    /// <summary>The member of this shortcut that a use of <paramref name="member"/> of <paramref name="typeFullName"/> is, or null.</summary>
    public ApiMember? Find(string typeFullName, string member) => Members.FirstOrDefault(m => m.Matches(typeFullName, member));

    /// <summary>
    /// The message of a live check and of the grader alike: "this exercise asks you to write softmax yourself, but line 3
    /// of your cell calls MatrixFunctions.Softmax, the library's; compute it with your own code".
    /// </summary>
    public string Message(string where, string used) =>
        $"this exercise asks you to write {What} yourself, but {where} uses {used}, the library's {What}; compute it with your own code (loops, Math, Matrix arithmetic) — no score while the shortcut is there";
}
