/// Settings of a simulation-based calibration run (`SimulationBasedCalibration`), with
/// defaults sized for a few minutes on one core.
public struct SBCSettings: Sendable, Equatable {
  /// Number of simulations N (prior draw, data, fit). Default 100.
  public var simulations: Int = 100
  /// Weeks T of each simulated dataset. Default 52.
  public var weeks: Int = 52
  /// Seed of everything: the fixed design, the prior draws, the outcomes and the chains.
  public var seed: UInt64 = SamplerSettings.defaultSeed
  /// L, the thinned posterior draws per fit; ranks lie in 0 ... L. Default 99.
  public var rankDraws: Int = 99
  /// Histogram bins B for the chi-square test (expected N / B per bin). Default 10.
  public var bins: Int = 10
  /// Chains per fit; the L draws are split evenly over them. Default 1.
  public var chains: Int = 1
  /// Warm-up iterations per chain. Default 500.
  public var warmup: Int = 500
  /// Keep every `thin`-th draw, so each chain samples ceil(L / chains) x thin draws; thinning
  /// makes the kept draws nearly independent, which uniform ranks assume. Default 10.
  public var thin: Int = 10
  /// NUTS target acceptance. Default 0.8.
  public var targetAccept: Double = 0.8
  /// Size of the model: social channels (<= 4), owned channels (<= 2), Fourier order.
  /// Defaults 2, 1, 1.
  public var socialChannels: Int = 2
  public var ownedChannels: Int = 1
  public var seasonalityOrder: Int = 1
  /// Family-wise error rate of the uniformity tests (Bonferroni over the quantities).
  /// Default 0.01.
  public var familyWiseLevel: Double = 0.01
  /// Simulations fitted at once, one chain after another within a fit. Results do not
  /// depend on it. Default 1.
  public var threads: Int = 1

  public init() {}

  /// Checks every field; throws `SimulationError.invalidSettings` saying what to change.
  public func validate() throws(SimulationError) {
    func require(_ condition: Bool, _ message: String) throws(SimulationError) {
      if !condition { throw .invalidSettings(message) }
    }
    try require(simulations >= 1, "The number of simulations must be at least 1.")
    try require(weeks >= 16, "SBC needs at least 16 weeks per simulated dataset.")
    try require(rankDraws >= 1, "The number of thinned draws must be at least 1.")
    try require(
      bins >= 2 && bins <= rankDraws + 1,
      "The number of bins must be from 2 to the number of draws + 1 (\(rankDraws + 1)).")
    try require(chains >= 1, "The number of chains must be at least 1.")
    try require(warmup >= 0 && thin >= 1, "Warm-up must be 0 or more and thinning at least 1.")
    try require(
      (1...4).contains(socialChannels) && (0...2).contains(ownedChannels),
      "Use 1 to 4 social and 0 to 2 owned channels.")
    try require((0...10).contains(seasonalityOrder), "The seasonality order must be 0 to 10.")
    try require(
      familyWiseLevel > 0 && familyWiseLevel < 1, "The family-wise level must lie in (0, 1).")
    try require(threads >= 1, "The number of threads must be at least 1.")
    try require(
      targetAccept > 0 && targetAccept < 1, "The target acceptance must lie in (0, 1).")
  }

  /// Thinned draws kept per chain: ceil(L / chains).
  var keptPerChain: Int { (rankDraws + chains - 1) / chains }

  /// The sampler settings of one fit.
  func samplerSettings(seed: UInt64) -> SamplerSettings {
    var settings = SamplerSettings()
    settings.chains = chains
    settings.warmup = warmup
    settings.draws = keptPerChain * thin
    settings.targetAccept = targetAccept
    settings.seed = seed
    return settings
  }
}
