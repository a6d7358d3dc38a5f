using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// <c>coursekit sandbox-check REQUEST.json [--library DIR]... [--timeout S] [--sandbox auto|user]</c> (hidden): runs one grading request in
/// the sandbox exactly as <c>grade</c> would — but without the grader's analysis of the code — and prints what came
/// back as JSON (exit code, whether it was killed, the events). The tests use it to show the sandbox holds on its own.
/// </summary>
internal static class SandboxCheckCommand
{
    public static Command Create()
    {
        var request = new Argument<string>("request") { Description = "A GradeRequest as JSON." };
        var libraries = new Option<string[]>("--library") { Description = "Folders the child may read besides the runtime and this tool.", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds the run may take in all.", DefaultValueFactory = _ => 120 };
        var memory = new Option<int>("--memory-mb") { Description = "Memory limit in MB.", DefaultValueFactory = _ => 1024 };
        var kind = new Option<string>("--sandbox") { Description = "auto (bubblewrap where it runs, else another user) or user.", DefaultValueFactory = _ => "auto" };
        var command = new Command("sandbox-check", "Run one grading request in the sandbox, without the code analysis, and print what came back.") { request, libraries, timeout, memory, kind };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var grade = GradeRequest.Parse(File.ReadAllText(parse.GetValue(request)!));
            var limits = new GradeLimits(TimeSpan.FromSeconds(grade.CellTimeoutSeconds), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(memory));
            var launch = ChildLaunch.ForThisTool(parse.GetValue(libraries) ?? [], limits);
            var choice = parse.GetValue(kind) == "user" ? SandboxChoice.User : SandboxChoice.Auto;
            var sandbox = SandboxDetector.Find(choice, launch, grade.BaseDirectory, out string? problem);
            if (sandbox is null) { Console.Error.WriteLine($"coursekit sandbox-check: {problem}"); return 1; }
            using var uids = UidPool.Claim(1);
            string scratch = Path.Combine(Path.GetTempPath(), $"coursekit-sandbox-check-{Guid.NewGuid():N}");
            var log = new AttemptLog(grade);
            var exit = ChildRun.Run(sandbox, new SandboxSlot(uids.Uids[0], scratch), grade, log, limits);
            Console.WriteLine(Summary(sandbox, uids.Uids[0], exit, log).ToJsonString());
            return 0;
        });
        return command;
    }

    private static JsonObject Summary(ISandbox sandbox, int uid, ChildExit exit, AttemptLog log) => new()
    {
        ["sandbox"] = sandbox.Description,
        ["uid"] = uid,
        ["exit_code"] = exit.ExitCode,
        ["killed"] = exit.KilledForTime,
        ["done"] = log.Done,
        ["violation"] = log.Violation,
        ["stderr"] = exit.StderrTail,
        ["cells"] = new JsonArray(log.Finished.Values.OrderBy(f => f.Cell).Select(f => (JsonNode)f.ToJsonObject()).ToArray()),
        ["answers"] = new JsonArray(log.Answers.Keys.Order().Select(k => (JsonNode)k.ToString(CultureInfo.InvariantCulture)).ToArray()),
    };
}
