using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// Where a grading child runs: how it is started (a process whose standard input, output and error the grader holds)
/// and how everything it started is removed afterwards.
/// </summary>
internal interface ISandbox
{
    /// <summary>One line for the instructor: "bubblewrap (no network, own /tmp, user 60001)".</summary>
    string Description { get; }

    /// <summary>Whether the child is isolated from the grader (false only for <c>--unsandboxed</c>).</summary>
    bool Isolated { get; }

    /// <summary>The child's start info in <paramref name="slot"/>.</summary>
    ProcessStartInfo Start(SandboxSlot slot);

    /// <summary>Kills the child and every process it left, and removes its private folder.</summary>
    void Stop(Process child, SandboxSlot slot);
}

/// <summary>One worker's place: the user id its children run as and their private folder on the host (user mode, unsandboxed).</summary>
/// <param name="Uid">The user (and group) id the child runs as.</param>
/// <param name="PrivateFolder">A fresh folder for this attempt, removed after it.</param>
internal sealed record SandboxSlot(int Uid, string PrivateFolder);
