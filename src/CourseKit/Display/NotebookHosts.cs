using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Plotly.NET;

namespace CourseKit.Display;

/// <summary>
/// What the library does when it loads into .NET Interactive (Polyglot Notebooks' kernel), so that a chapter that
/// only does <c>#r "…/CourseKit.Core.dll"</c> draws Plotly.NET charts there as it does in CourseKit's engine:
/// <list type="bullet">
/// <item>.NET Interactive finds formatters through attributes on the formatted type, and Plotly.NET's
/// <see cref="GenericChart"/> carries none it can use: <see cref="ChartFormatterSource"/>'s formatters are registered
/// with its <c>Formatter.Register</c>, found by name (no package reference).</item>
/// <item>The kernel runs on an older FSharp.Core (10.0) than Plotly.NET 6 references (10.1). Plotly.NET would load
/// the newer copy beside the library while Giraffe.ViewEngine, which it renders HTML with, binds to the kernel's, and
/// the first chart fails with a <see cref="MissingMethodException"/>. Requests for FSharp.Core that the kernel's copy
/// cannot satisfy by version are answered with that copy, as a binding redirect would.</item>
/// </list>
/// Elsewhere (CourseKit's engine, a console app, the tests) it does nothing.
/// </summary>
internal static class NotebookHosts
{
    private const string InteractiveFormatting = "Microsoft.DotNet.Interactive.Formatting";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A notebook host must learn CourseKit's chart formatter when #r loads the library; there is no call to hang it on.")]
    internal static void OnLoad()
    {
        var formatter = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == InteractiveFormatting)
            ?.GetType(InteractiveFormatting + ".Formatter");
        if (formatter is null) return;
        try
        {
            UseTheHostsFSharpCore();
            RegisterChartFormatters(formatter);
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or InvalidOperationException)
        {
            Console.Error.WriteLine($"CourseKit: Plotly.NET charts will not render in this .NET Interactive kernel: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void UseTheHostsFSharpCore()
    {
        var needed = typeof(NotebookHosts).Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "FSharp.Core")?.Version;
        var hosts = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (needed is null || hosts is null || hosts.GetName().Version >= needed) return;
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "FSharp.Core" && a != hosts))
            Console.Error.WriteLine("CourseKit: Plotly.NET was used before CourseKit in this kernel and loaded a second FSharp.Core; " +
                "charts may fail to draw. Restart the kernel and run the notebook from the top.");
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "FSharp.Core" ? hosts : null;
    }

    // Kept out of OnLoad so that its Plotly.NET types load only after the FSharp.Core redirect is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterChartFormatters(Type formatter)
    {
        var register = formatter.GetMethod("Register", [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)])
            ?? throw new MissingMethodException($"{formatter.FullName}.Register(Type, Action<object, TextWriter>, string) not found");
        foreach (var chartFormatter in new ChartFormatterSource().CreateTypeFormatters().Cast<MimeFormatter<GenericChart>>())
        {
            if (chartFormatter.MimeType is not (MimeTypes.Html or MimeTypes.PlainText)) continue;
            Action<object, TextWriter> write = (value, writer) => chartFormatter.Format(value, writer);
            register.Invoke(null, [typeof(GenericChart), write, chartFormatter.MimeType]);
        }
    }
}
