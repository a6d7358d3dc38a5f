namespace CourseKit.Devices;

/// <summary>The update rules a device implements.</summary>
internal enum UpdateRule { Sgd, Momentum, RmsProp, Adam }

/// <summary>One optimizer step's rule and hyperparameters (checked), as the device kernels receive them.</summary>
/// <param name="Rule">Which update.</param>
/// <param name="LearningRate">α.</param>
/// <param name="Beta1">β of momentum, β₁ of Adam.</param>
/// <param name="Beta2">β₂ of RMSprop and Adam.</param>
/// <param name="Epsilon">ε of RMSprop and Adam.</param>
/// <param name="WeightDecay">AdamW's λ (0 for Adam).</param>
/// <param name="Step">Adam's t ≥ 1.</param>
internal readonly record struct OptimizerStep(UpdateRule Rule, float LearningRate, float Beta1 = 0f, float Beta2 = 0f,
    float Epsilon = 0f, float WeightDecay = 0f, long Step = 1);
