using ILGPU;
using ILGPU.Runtime;
using CourseKit.Kernels.Ilgpu;

namespace CourseKit.Devices;

/// <summary>
/// The compiled kernels of one accelerator, each compiled on first use (CUDA: to PTX, then by the driver) and kept.
/// Used under the device's lock only.
/// </summary>
internal sealed class IlgpuKernelSet(Accelerator accelerator)
{
    private readonly Dictionary<string, Delegate> _loaded = new(StringComparer.Ordinal);

    private T Get<T>(string key, Func<Accelerator, T> load) where T : Delegate
    {
        if (!_loaded.TryGetValue(key, out var kernel)) _loaded[key] = kernel = load(accelerator);
        return (T)kernel;
    }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, TMap> Map<TMap>() where TMap : struct, IDeviceMap =>
        Get(typeof(TMap).Name, a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, TMap>(IlgpuElementwise.Map));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, float> Axpy =>
        Get(nameof(Axpy), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, float>(IlgpuElementwise.Axpy));

    public Action<Index1D, ArrayView<float>, ArrayView<int>> NonFinite =>
        Get(nameof(NonFinite), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>>(IlgpuElementwise.NonFinite));

    public Action<Index1D, ArrayView<float>, ulong, uint, float> DropoutMask =>
        Get(nameof(DropoutMask), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ulong, uint, float>(IlgpuElementwise.DropoutMask));

    public Action<Index1D, ArrayView<float>, ArrayView<double>, int> SquaresStrided =>
        Get(nameof(SquaresStrided), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, int>(IlgpuReductions.SquaresStrided));

    public Action<Index1D, ArrayView<float>, ArrayView<double>, int> SumStrided =>
        Get(nameof(SumStrided), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, int>(IlgpuReductions.SumStrided));

    public Action<Index1D, ArrayView<double>, ArrayView<double>, int, int> FoldStrided =>
        Get(nameof(FoldStrided), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, int, int>(IlgpuReductions.FoldStrided));

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int> RowMap =>
        Get(nameof(RowMap), a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(IlgpuRows.RowMap));

    public Action<KernelConfig, ArrayView<float>, ArrayView<int>, int> ArgMax =>
        Get(nameof(ArgMax), a => a.LoadStreamKernel<ArrayView<float>, ArrayView<int>, int>(IlgpuRows.ArgMax));

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int> RowReduce =>
        Get(nameof(RowReduce), a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(IlgpuRows.RowReduce));

    public Action<KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, CrossEntropyOutputs> CrossEntropyLabels =>
        Get(nameof(CrossEntropyLabels), a => a.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, CrossEntropyOutputs>(IlgpuCrossEntropy.Labels));

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, CrossEntropyOutputs> CrossEntropyTargets =>
        Get(nameof(CrossEntropyTargets), a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, CrossEntropyOutputs>(IlgpuCrossEntropy.Targets));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, int, int> ChunkSums =>
        Get(nameof(ChunkSums), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, int, int>(IlgpuColumns.ChunkSums));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int, float> FoldSums =>
        Get(nameof(FoldSums), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int, float>(IlgpuColumns.FoldSums));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> AddRowVector =>
        Get(nameof(AddRowVector), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(IlgpuColumns.AddRowVector));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> BatchNormShift =>
        Get(nameof(BatchNormShift), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(IlgpuBatchNorm.Shift));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> BatchNormMoments =>
        Get(nameof(BatchNormMoments), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(IlgpuBatchNorm.ChunkMoments));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs> BatchNormStatistics =>
        Get(nameof(BatchNormStatistics), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, BatchNormArgs>(IlgpuBatchNorm.Statistics));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, float> BatchNormInference =>
        Get(nameof(BatchNormInference), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, float>(IlgpuBatchNorm.InferenceCoefficients));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> BatchNormApply =>
        Get(nameof(BatchNormApply), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(IlgpuBatchNorm.Apply));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> BatchNormPublish =>
        Get(nameof(BatchNormPublish), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(IlgpuBatchNorm.Publish));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> BackwardSums =>
        Get(nameof(BackwardSums), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(IlgpuBatchNormBackward.ChunkSums));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> BackwardCoefficients =>
        Get(nameof(BackwardCoefficients), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(IlgpuBatchNormBackward.Coefficients));

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> BackwardApply =>
        Get(nameof(BackwardApply), a => a.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(IlgpuBatchNormBackward.Apply));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> BackwardPublish =>
        Get(nameof(BackwardPublish), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(IlgpuBatchNormBackward.Publish));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, float> Sgd =>
        Get(nameof(Sgd), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, float>(IlgpuOptimizers.Sgd));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs> Momentum =>
        Get(nameof(Momentum), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs>(IlgpuOptimizers.Momentum));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs> RmsProp =>
        Get(nameof(RmsProp), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs>(IlgpuOptimizers.RmsProp));

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs> Adam =>
        Get(nameof(Adam), a => a.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, UpdateArgs>(IlgpuOptimizers.Adam));

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, GemmShape> Gemm<TTile>() where TTile : struct, IGemmTile =>
        Get("Gemm" + typeof(TTile).Name, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, GemmShape>(IlgpuGemm.Tiled<TTile>));
}
