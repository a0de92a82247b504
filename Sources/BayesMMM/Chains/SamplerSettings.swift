import Foundation

/// Everything that shapes a NUTS run, with Stan's defaults.
///
/// ```swift
/// var settings = SamplerSettings()          // 4 chains x (1000 warm-up + 1000 draws)
/// settings.seed = 42
/// settings.targetAccept = 0.95              // fewer divergences, smaller steps
/// try settings.validate()
/// ```
public struct SamplerSettings: Equatable, Sendable {
  /// The seed every command and settings type starts from unless told otherwise; the one
  /// place it is written.
  public static let defaultSeed: UInt64 = 20_240_917
  /// The tree depths `validate()` and the CLI's `--max-depth` accept. 20 allows up to
  /// 2^20 - 1 (about a million) leapfrog steps per draw, far beyond a healthy run.
  public static let maxDepthLimits: ClosedRange<Int> = 1...20

  /// Warm-up (adaptation) iterations per chain; discarded. Default 1000.
  public var warmup: Int = 1000
  /// Kept draws per chain. Default 1000.
  public var draws: Int = 1000
  /// Maximum tree depth: at most 2^maxDepth - 1 leapfrog steps per draw. Default 10; must
  /// lie in `maxDepthLimits`.
  public var maxDepth: Int = 10
  /// δ, the acceptance statistic the step size is tuned to, in (0, 1). Default 0.8.
  public var targetAccept: Double = 0.8
  /// Initial values are drawn uniformly from (-initRadius, initRadius) on every
  /// unconstrained coordinate. Default 2; 0 starts at the origin.
  public var initRadius: Double = 2
  /// Number of chains. Default 4.
  public var chains: Int = 4
  /// OS threads running chains; nil uses min(chains, active processors). Results do not
  /// depend on it.
  public var threads: Int? = nil
  /// The run seed; chain c uses `GSLRandom(runSeed: seed, stream: c)`. Default `defaultSeed`.
  public var seed: UInt64 = SamplerSettings.defaultSeed
  /// Where the step-size search starts, and μ = log(10 ε0) of dual averaging. Default 1.
  public var initialStepSize: Double = 1
  /// H - H0 above which a leapfrog step is a divergence. Default 1000 (Stan).
  public var maxEnergyError: Double = 1000
  /// How warm-up estimates the diagonal metric. Default Stan's windowed variance.
  public var metricAdaptation: MetricAdaptation = .stanWindowedVariance
  /// Sizes of the warm-up stages. Default 75 / 50 / 25 (Stan).
  public var windows: WarmupWindowSettings = .init()
  /// γ, κ, t0 of dual averaging (δ is `targetAccept`). Default 0.05, 0.75, 10 (Stan).
  public var dualAveragingGamma: Double = 0.05
  public var dualAveragingKappa: Double = 0.75
  public var dualAveragingT0: Double = 10
  /// Random initial points tried before giving up. Default 100 (Stan).
  public var maxInitializationAttempts: Int = 100
  /// A user-supplied unconstrained initial point (length d) for every chain; nil draws one.
  public var initialPosition: [Double]? = nil
  /// A starting diag(M⁻¹) (length d, entries > 0); nil uses the identity.
  public var initialInverseMetric: [Double]? = nil

  public init() {}

  /// Threads actually used: `threads`, or min(chains, active processors), at least 1.
  public var effectiveThreads: Int {
    max(1, min(chains, threads ?? ProcessInfo.processInfo.activeProcessorCount))
  }

  /// The dual-averaging constants these settings imply.
  public var dualAveraging: DualAveragingParameters {
    DualAveragingParameters(
      targetAcceptance: targetAccept, gamma: dualAveragingGamma, kappa: dualAveragingKappa,
      t0: dualAveragingT0)
  }

  /// Checks every field; throws `SamplerError.invalidSettings` with a sentence that says
  /// what to change.
  public func validate() throws(SamplerError) {
    func require(_ condition: Bool, _ message: String) throws(SamplerError) {
      if !condition { throw .invalidSettings(message) }
    }
    try require(warmup >= 0, "The number of warm-up iterations must be 0 or more.")
    try require(draws >= 0, "The number of draws must be 0 or more.")
    try require(
      Self.maxDepthLimits.contains(maxDepth),
      "The maximum tree depth must be in \(Self.maxDepthLimits.lowerBound)..."
        + "\(Self.maxDepthLimits.upperBound).")
    try require(
      targetAccept > 0 && targetAccept < 1,
      "The target acceptance must be strictly between 0 and 1.")
    try require(
      initRadius >= 0 && initRadius.isFinite, "The initial radius must be finite and 0 or more.")
    try require(chains >= 1, "The number of chains must be at least 1.")
    try require((threads ?? 1) >= 1, "The number of threads must be at least 1.")
    try require(
      initialStepSize > 0 && initialStepSize.isFinite,
      "The initial step size must be finite and greater than 0.")
    try require(maxEnergyError > 0, "The divergence threshold must be greater than 0.")
    try require(
      windows.initBuffer >= 0 && windows.termBuffer >= 0 && windows.baseWindow >= 1,
      "The warm-up buffers must be 0 or more and the base window at least 1.")
    try require(
      dualAveragingGamma > 0 && dualAveragingKappa > 0 && dualAveragingT0 >= 0,
      "The dual-averaging gamma and kappa must be greater than 0 and t0 0 or more.")
    try require(maxInitializationAttempts >= 1, "Initialization needs at least 1 attempt.")
    if let inverse = initialInverseMetric {
      try require(
        inverse.allSatisfy { $0.isFinite && $0 > 0 },
        "Every entry of the initial inverse metric must be finite and greater than 0.")
    }
  }
}
