using System.Reflection;
using CourseKit.Kernels.Ilgpu;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;

namespace CourseKit.Tests.Devices;

/// <summary>
/// Every ILGPU kernel compiles to PTX for the H100/H200 (sm_90), without a GPU: ILGPU's CPU accelerator runs the
/// kernels' .NET code, so only this catches what the GPU compiler refuses (a non-constant shared-memory size, an
/// unsupported call) — and it shows that the GEMM kernel keeps its accumulators out of local memory.
/// </summary>
public class PtxCompilationTests
{
    private static readonly Assembly Library = typeof(IlgpuGemm).Assembly;

    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var kernel in AllKernels()) data.Add(Describe(kernel));
        return data;
    }

    // One compiler for the class (a context takes a while to start); xunit runs a class's tests one at a time.
    private static readonly Lazy<PTXBackend> Compiler = new(() =>
    {
        var context = Context.Create(builder => builder.EnableAlgorithms().Optimize(OptimizationLevel.O2));
        return new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_85, null!);
    });

    [Theory, MemberData(nameof(Kernels))]
    public void Kernel_compiles_to_PTX_for_sm_90(string name)
    {
        var kernel = AllKernels().Single(k => Describe(k) == name);

        var compiled = (PTXCompiledKernel)Compiler.Value.Compile(Entry(kernel), default);

        Assert.Contains(".visible .entry Kernel_" + kernel.Name, compiled.PTXAssembly);
        if (kernel.Name == nameof(IlgpuGemm.Tiled))
            Assert.DoesNotContain("ld.local", compiled.PTXAssembly);  // 64 accumulators per thread in registers
    }

    [Fact]
    public void The_search_finds_every_kernel_the_device_loads()
    {
        // 9 maps, Axpy, NonFinite, DropoutMask; 3 sums; 3 row kernels; 2 cross-entropies; 3 column kernels;
        // 6 BatchNorm forward, 4 backward; 4 optimizers; GEMM for 2 tiles.
        Assert.Equal(39, AllKernels().Count());
    }

    private static IEnumerable<Type> KernelClasses() =>
        Library.GetTypes().Where(t => t.Namespace == typeof(IlgpuGemm).Namespace && t.IsAbstract && t.IsSealed);

    /// <summary>Kernels are the static void methods of the kernel classes; generic ones for each map or tile type.</summary>
    private static IEnumerable<MethodInfo> AllKernels()
    {
        foreach (var type in KernelClasses())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.ReturnType != typeof(void)) continue;
                if (!method.IsGenericMethodDefinition) { yield return method; continue; }
                var constraint = method.GetGenericArguments()[0].GetGenericParameterConstraints().Single(c => c.IsInterface);
                foreach (var argument in Library.GetTypes().Where(t => t.IsValueType && constraint.IsAssignableFrom(t)))
                    yield return method.MakeGenericMethod(argument);
            }
        }
    }

    private static EntryPointDescription Entry(MethodInfo kernel)
    {
        var first = kernel.GetParameters()[0].ParameterType;
        return first == typeof(Index1D) || first == typeof(Index2D)
            ? EntryPointDescription.FromImplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromExplicitlyGroupedKernel(kernel);
    }

    private static string Describe(MethodInfo kernel) =>
        $"{kernel.DeclaringType!.Name}.{kernel.Name}" + (kernel.IsGenericMethod ? $"<{kernel.GetGenericArguments()[0].Name}>" : "");
}
