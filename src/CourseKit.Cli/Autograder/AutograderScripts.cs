namespace CourseKit.Cli.Autograder;

/// <summary>
/// The two scripts of a Gradescope autograder: <c>setup.sh</c>, run once on Gradescope's Ubuntu image to install what
/// grading needs, and <c>run_autograder</c>, run per submission. Neither holds the seed: it is the zip's <c>seed</c> file.
/// </summary>
internal static class AutograderScripts
{
    /// <summary>Installs the .NET 10 runtime and bubblewrap (and util-linux's setpriv/prlimit) when missing, then checks them.</summary>
    public const string Setup = """
        #!/usr/bin/env bash
        # CourseKit autograder: installs what run_autograder needs on Gradescope's Ubuntu image (written by coursekit autograder).
        set -euo pipefail
        export DEBIAN_FRONTEND=noninteractive
        if ! command -v bwrap >/dev/null 2>&1 || ! command -v setpriv >/dev/null 2>&1 || ! command -v prlimit >/dev/null 2>&1; then
            apt-get update -qq
            apt-get install -y -qq bubblewrap util-linux curl ca-certificates >/dev/null
        fi
        if ! dotnet --list-runtimes 2>/dev/null | grep -q '^Microsoft.NETCore.App 10\.'; then
            command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl ca-certificates >/dev/null; }
            curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
            bash /tmp/dotnet-install.sh --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet
            ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
        fi
        dotnet --list-runtimes | grep '^Microsoft.NETCore.App 10\.'
        command -v bwrap setpriv prlimit
        """;

    /// <summary>
    /// Grades the submission's notebook with the zip's coursekit, in its sandbox, into results/results.json. The
    /// files the learner's code must not read (the solution, the seed) are closed to other users first, for the case
    /// where bubblewrap cannot run and the sandbox is another user.
    /// </summary>
    public static string Run(string assignment, string solution, string gradeOptions) => $$"""
        #!/usr/bin/env bash
        # CourseKit autograder: grades one submission (written by coursekit autograder for {{assignment}}).
        set -uo pipefail
        root="${AUTOGRADER_ROOT:-/autograder}"
        source="$root/source"
        results="$root/results"
        mkdir -p "$results"
        chmod 711 "$root" "$source" "$source/course"
        chmod 600 "$source/seed"
        chmod -R go-rwx "$(dirname "$source/{{solution}}")"
        chmod -R go+rX "$source/coursekit" "$source/course/artifacts"
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
        shopt -s nullglob
        notebooks=("$root"/submission/*.ipynb "$root"/submission/*/*.ipynb)
        chosen=""
        for n in "${notebooks[@]}"; do [ "$(basename "$n")" = "{{assignment}}.ipynb" ] && chosen="$n"; done
        [ -z "$chosen" ] && [ ${#notebooks[@]} -gt 0 ] && chosen="${notebooks[0]}"
        if [ -z "$chosen" ]; then
            printf '%s\n' '{"score": 0, "output": "No notebook (.ipynb) in your submission: upload {{assignment}}.ipynb.", "tests": []}' > "$results/results.json"
            exit 0
        fi
        mkdir -p "$work/in"
        cp "$chosen" "$work/in/submission.ipynb"
        dotnet "$source/coursekit/coursekit.dll" grade "$work/in/submission.ipynb" --source "$source/{{solution}}" --output "$work/out" \
            --hidden-seed-file "$source/seed" --jobs 1 {{gradeOptions}}
        if [ -f "$work/out/submission/results.json" ]; then
            cp "$work/out/submission/results.json" "$results/results.json"
        else
            printf '%s\n' '{"score": 0, "output": "The autograder could not grade this submission; please tell your instructor.", "tests": []}' > "$results/results.json"
        fi
        """;
}
