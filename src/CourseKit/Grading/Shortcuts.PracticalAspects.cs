using CourseKit.Data;
using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Grading;

// The shortcuts of chapters 1–4 (setting up, regularization, setting up optimization, optimization algorithms): what
// the library already does for each exercise there, so that calling it is reported instead of graded as written.
public static partial class Shortcuts
{
    /// <summary>The library's splits: <see cref="Splits.Stratified"/>, <see cref="Splits.StratifiedIndices"/> and the shuffled forms.</summary>
    public static LibraryShortcut StratifiedSplit { get; } = new("stratified split",
        [.. ApiMember.Of(typeof(Splits), nameof(Splits.Stratified), nameof(Splits.StratifiedIndices), nameof(Splits.Shuffled), nameof(Splits.ShuffledIndices))]);

    /// <summary>The bias/variance diagnosis: <see cref="BiasVariance.Diagnose(double, double, double, double)"/> in every form.</summary>
    public static LibraryShortcut BiasVarianceDiagnosis { get; } = new("bias/variance diagnosis", [ApiMember.All(typeof(BiasVariance))]);

    /// <summary>The L2 term and its gradient: kernels and scalar references.</summary>
    public static LibraryShortcut L2 { get; } = new("L2 regularization",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.L2Penalty), nameof(CpuKernels.L2GradientAccumulate)),
        .. ApiMember.Of(typeof(ReferenceKernels), nameof(ReferenceKernels.L2Penalty), nameof(ReferenceKernels.L2Gradient)),
    ]);

    /// <summary>Inverted dropout: the kernels, the reference and the <see cref="Nn.Dropout"/> layer.</summary>
    public static LibraryShortcut Dropout { get; } = new("dropout",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.DropoutForward), nameof(CpuKernels.DropoutBackward), nameof(CpuKernels.DropoutMaskFromUniforms)),
        .. ApiMember.Of(typeof(ReferenceKernels), nameof(ReferenceKernels.Dropout)),
        ApiMember.All(typeof(Nn.Dropout)),
    ]);

    /// <summary>Input standardization: <see cref="Standardizer"/>.</summary>
    public static LibraryShortcut Standardization { get; } = new("input standardization", [ApiMember.All(typeof(Standardizer))]);

    /// <summary>Weight initialization: <see cref="Initializers"/>.</summary>
    public static LibraryShortcut Initialization { get; } = new("weight initialization", [ApiMember.All(typeof(Initializers))]);

    /// <summary>Numerical gradients: <see cref="GradientCheck"/> (its two- and one-sided differences and its checks).</summary>
    public static LibraryShortcut NumericalGradient { get; } = new("numerical gradient", [ApiMember.All(typeof(GradientCheck))]);

    /// <summary>Mini-batch creation: <see cref="MiniBatches"/>.</summary>
    public static LibraryShortcut MiniBatchCreation { get; } = new("mini-batch creation", [ApiMember.All(typeof(MiniBatches))]);

    /// <summary>Exponentially weighted averages: <see cref="Optim.ExponentiallyWeightedAverage"/>.</summary>
    public static LibraryShortcut WeightedAverages { get; } = new("exponentially weighted averages", [ApiMember.All(typeof(ExponentiallyWeightedAverage))]);

    /// <summary>The optimizers' update steps: <see cref="Momentum"/>, <see cref="RmsProp"/>, <see cref="Adam"/>, <see cref="AdamW"/>.</summary>
    public static LibraryShortcut OptimizerSteps { get; } = new("optimizer update steps",
        [ApiMember.All(typeof(Momentum)), ApiMember.All(typeof(RmsProp)), ApiMember.All(typeof(Adam)), ApiMember.All(typeof(AdamW))]);

    /// <summary>Learning-rate decay: <see cref="InverseTimeDecay"/>.</summary>
    public static LibraryShortcut LearningRateDecay { get; } = new("learning-rate decay", [ApiMember.All(typeof(InverseTimeDecay))]);
}
