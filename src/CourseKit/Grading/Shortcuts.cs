using System.Numerics.Tensors;
using CourseKit.Autodiff;
using CourseKit.Devices;
using CourseKit.Data;
using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Tuning;

namespace CourseKit.Grading;

/// <summary>
/// The library shortcuts exercises forbid, each with every form that computes it: the kernel, its scalar reference
/// twin, the <see cref="Matrix"/> and autodiff forms, the layer or loss, and .NET's own where it has one. A new
/// exercise that asks the learner to write something the library has declares it here and names it in its check
/// with <see cref="Check{TIn, TOut}.WriteYourself"/>.
/// </summary>
public static partial class Shortcuts
{
    /// <summary>Every softmax: kernels, references, <c>z.Softmax()</c>, autodiff, the loss, the devices, <see cref="TensorPrimitives.SoftMax(ReadOnlySpan{float}, Span{float})"/>.</summary>
    public static LibraryShortcut Softmax { get; } = new("softmax",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.Softmax), nameof(CpuKernels.LogSoftmax), nameof(CpuKernels.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(ReferenceKernels), nameof(ReferenceKernels.Softmax), nameof(ReferenceKernels.LogSoftmax), nameof(ReferenceKernels.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(MatrixFunctions), nameof(MatrixFunctions.Softmax), nameof(MatrixFunctions.LogSoftmax)),
        .. ApiMember.Of(typeof(Variable), nameof(Variable.Softmax), nameof(Variable.SoftmaxCrossEntropy)),
        ApiMember.All(typeof(SoftmaxCrossEntropyLoss)),
        .. ApiMember.Of(typeof(TensorPrimitives), nameof(TensorPrimitives.SoftMax)),
        .. ApiMember.Of(typeof(Device), nameof(Device.Softmax), nameof(Device.LogSoftmax), nameof(Device.SoftmaxCrossEntropy)),
    ]);

    /// <summary>Hardmax and argmax: the kernels, <c>z.Hardmax()</c>, <c>z.ArgMax()</c> and <see cref="OneHot.Decode"/> (an argmax per row).</summary>
    public static LibraryShortcut Hardmax { get; } = new("hardmax",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.Hardmax), nameof(CpuKernels.ArgMax)),
        .. ApiMember.Of(typeof(MatrixFunctions), nameof(MatrixFunctions.Hardmax), nameof(MatrixFunctions.ArgMax)),
        .. ApiMember.Of(typeof(OneHot), nameof(OneHot.Decode)),
        .. ApiMember.Of(typeof(Device), nameof(Device.Hardmax), nameof(Device.ArgMax)),
    ]);

    /// <summary>One-hot encoding: <see cref="OneHot.Encode"/> and <see cref="OneHot.EncodeInto"/>.</summary>
    public static LibraryShortcut OneHotEncoding { get; } = new("one-hot encoding",
        [.. ApiMember.Of(typeof(OneHot), nameof(OneHot.Encode), nameof(OneHot.EncodeInto))]);

    /// <summary>The cross-entropy cost: kernels, references, the softmax cross-entropy forms and the losses.</summary>
    public static LibraryShortcut CrossEntropy { get; } = new("cross-entropy cost",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.CrossEntropy), nameof(CpuKernels.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(ReferenceKernels), nameof(ReferenceKernels.CrossEntropy), nameof(ReferenceKernels.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(Variable), nameof(Variable.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(Device), nameof(Device.SoftmaxCrossEntropy)),
        ApiMember.All(typeof(SoftmaxCrossEntropyLoss)),
        ApiMember.All(typeof(BinaryCrossEntropyLoss)),
    ]);

    /// <summary>The fused softmax cross-entropy (which computes ŷ − y for you); plain matrix subtraction stays allowed.</summary>
    public static LibraryShortcut SoftmaxCrossEntropyGradient { get; } = new("softmax cross-entropy gradient",
    [
        .. ApiMember.Of(typeof(CpuKernels), nameof(CpuKernels.SoftmaxCrossEntropy)),
        .. ApiMember.Of(typeof(ReferenceKernels), nameof(ReferenceKernels.SoftmaxCrossEntropy)),
        ApiMember.All(typeof(SoftmaxCrossEntropyLoss)),
    ]);

    /// <summary>
    /// The machinery that trains a model for you: autodiff's backward pass and gradient step, the <see cref="Dense"/>
    /// layer and <see cref="Sequential"/> model (their hand-written backward rules), the optimizers that step them, the trainer.
    /// </summary>
    public static LibraryShortcut TrainingMachinery { get; } = new("the gradient step",
    [
        .. ApiMember.Of(typeof(Variable), nameof(Variable.Backward)),
        ApiMember.All(typeof(GradientDescent)),
        ApiMember.All(typeof(Dense)),
        ApiMember.All(typeof(Sequential)),
        ApiMember.All(typeof(Optim.Sgd)),
        ApiMember.All(typeof(Training.Trainer)),
    ]);

    /// <summary>Batch Normalization: the kernels (<c>BatchNorm*</c>), their references and the layer.</summary>
    public static LibraryShortcut BatchNorm { get; } = new("Batch Normalization",
    [
        new ApiMember(typeof(CpuKernels).FullName!, "BatchNorm*"),
        new ApiMember(typeof(ReferenceKernels).FullName!, "BatchNorm*"),
        ApiMember.All(typeof(Nn.BatchNorm)),
    ]);

    /// <summary>The tuner's scales: distributions and the grid sampler map unit coordinates onto linear, log and reverse-log scales.</summary>
    public static LibraryShortcut Scales { get; } = new("the mapping onto the scale",
        [ApiMember.All(typeof(FloatDistribution)), ApiMember.All(typeof(IntDistribution)), ApiMember.All(typeof(GridSampler))]);
}
