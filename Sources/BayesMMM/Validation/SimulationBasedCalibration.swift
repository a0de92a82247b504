import Foundation

/// Simulation-based calibration of the joint model and its sampler (Talts, Betancourt,
/// Simpson, Vehtari & Gelman 2018, "Validating Bayesian inference algorithms with
/// simulation-based calibration", algorithm 2).
///
/// ```swift
/// var settings = SBCSettings()
/// settings.simulations = 200
/// let result = try SimulationBasedCalibration.run(settings: settings, configuration: priors)
/// result.quantities.filter { !$0.passes }      // parameters whose ranks are not uniform
/// print(result.text)
/// ```
///
/// One fixed design (a `SyntheticCampaign` of `weeks` weeks with the first
/// `socialChannels` social and `ownedChannels` owned channels, scales
/// `OutcomeScales.reference`, floor 1.00). For simulation n = 0 ..< N:
/// 1. draw theta from the priors and simulate Google spend and revenue at theta with
///    `OutcomeSimulator` (which mirrors the likelihood exactly, at the design's fixed scales);
/// 2. fit the model to those outcomes with NUTS and keep L draws, thinned;
/// 3. record, for every parameter and for lp__ (the log density on the unconstrained space,
///    a function of theta and the data), the rank of the truth: the number of kept draws
///    below it (0 ... L; compared on the unconstrained scale, which keeps the order).
///
/// If the sampler draws from the exact posterior, each rank is uniform on 0 ... L; the
/// histograms are tested with `RankHistogram` and a Bonferroni bound over the P + 1
/// quantities. A fit whose sampler fails (no valid initial point, vanishing step size) is
/// left out and counted in `failures`.
///
/// Random streams (all of `settings.seed`): the design uses the plan's streams (1000 + k);
/// simulation n draws theta and outcomes from stream 1_000_000 + n and samples with the run
/// seed SplitMix64(seed + n), chain c on stream c. The result is the same for any `threads`.
public enum SimulationBasedCalibration {
  /// The model every simulation is fitted with: the design's inputs (placeholder outcomes)
  /// and the priors of `configuration` with the seasonality order of `settings`.
  public static func designModel(settings: SBCSettings, configuration: PriorsConfiguration)
    throws -> JointModel
  {
    let roles = ColumnRoles()
    let campaign = SyntheticCampaign.generate(
      weeks: settings.weeks, seed: settings.seed,
      socialNames: Array(roles.social.prefix(settings.socialChannels)),
      ownedNames: Array(roles.owned.prefix(settings.ownedChannels)))
    var modelSettings = configuration.settings
    modelSettings.seasonalityOrder = settings.seasonalityOrder
    let inputs = campaign.modelInputs(scales: .reference, settings: modelSettings)
    let priors = try configuration.resolve(for: ParameterLayout(inputs: inputs))
    return JointModel(
      inputs: inputs, priors: priors, studentTDegrees: modelSettings.studentTDegrees)
  }

  /// Runs the calibration; see the type's description.
  /// - Parameter progress: called after each simulation (from worker threads) with the
  ///   number finished so far.
  public static func run(
    settings: SBCSettings, configuration: PriorsConfiguration, liftTests: [LiftTest] = [],
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> SBCResult {
    try settings.validate()
    let model = try designModel(settings: settings, configuration: configuration)
    let start = MonotonicClock.seconds()
    let counter = ProgressCounter()
    let simulations = ParallelWork.map(count: settings.simulations, threads: settings.threads) {
      index in
      let outcome = simulate(index, model: model, settings: settings, liftTests: liftTests)
      progress?(counter.increment())
      return outcome
    }
    return SBCResult(
      settings: settings, names: model.layout.names + ["lp__"], simulations: simulations,
      wallTime: MonotonicClock.seconds() - start)
  }

  /// Simulation `index`: prior draw, data, fit, ranks.
  /// - Parameters:
  ///   - truthPriors: draw the truth from these priors instead of the model's (a negative
  ///     control: a mismatch between simulation and fit must show in the ranks).
  ///   - liftTests: tests (windows and spend changes) measured on each simulation by
  ///     `LiftTestSimulation.measurements` after the outcomes (same stream) and fitted with
  ///     the data.
  public static func simulate(
    _ index: Int, model: JointModel, settings: SBCSettings, truthPriors: [Prior]? = nil,
    liftTests: [LiftTest] = []
  ) -> SBCSimulation {
    let random = GSLRandom(
      runSeed: settings.seed, stream: RandomStreams.calibrationSimulations.stream(index))
    let truth = (truthPriors ?? model.priors).sample(using: random)
    let outcome = OutcomeSimulator.simulate(model: model, parameters: truth, random: random)
    var fitted = model.replacingInputs(outcome.inputs)
    if !liftTests.isEmpty {
      fitted.liftTests = LiftTestSimulation.measurements(
        model: fitted, tests: liftTests, truth: truth, random: random)
    }
    let truthPoint = fitted.unconstrain(truth)
    let samplerSeed = GSLRandom.splitMix64(settings.seed &+ UInt64(index))
    let sampler = settings.samplerSettings(seed: samplerSeed)
    let chains: [ChainResult]
    do {
      chains = try runChains(factory: fitted, settings: sampler, seed: samplerSeed, threads: 1)
    } catch {
      return SBCSimulation(index: index, failure: error.description)
    }
    var positions: [ArraySlice<Double>] = []
    var logDensities: [Double] = []
    var thinned: [[[Double]]] = []
    for chain in chains {
      var kept: [[Double]] = []
      for draw in stride(from: settings.thin - 1, to: chain.drawCount, by: settings.thin)
      where positions.count < settings.rankDraws {
        positions.append(chain.position(ofDraw: draw))
        logDensities.append(chain.statistics.logDensity[draw])
        kept.append(Array(chain.position(ofDraw: draw)))
      }
      thinned.append(kept)
    }
    var ranks = truthPoint.indices.map { j in
      rank(of: truthPoint[j], among: positions.map { $0[$0.startIndex + j] })
    }
    ranks.append(rank(of: logDensity(of: fitted, at: truthPoint), among: logDensities))
    let lengths = Set(thinned.map(\.count))
    let ess =
      lengths.count == 1
      ? Quantiles.median(
        truthPoint.indices.map { j in Diagnostics.essBulk(thinned.map { $0.map { $0[j] } }) }
          .filter { !$0.isNaN })
      : .nan
    return SBCSimulation(
      index: index, ranks: ranks,
      divergences: chains.reduce(0) { $0 + $1.statistics.divergences },
      warmupDivergences: chains.reduce(0) { $0 + $1.warmupDivergences },
      medianThinnedESS: ess, failure: nil)
  }

  /// The number of `draws` strictly below `truth`: the SBC rank, 0 ... draws.count.
  public static func rank(of truth: Double, among draws: [Double]) -> Int {
    draws.reduce(0) { $0 + ($1 < truth ? 1 : 0) }
  }

  /// log p(u | data) with the Jacobian: the quantity the chains report as lp__.
  static func logDensity(of model: JointModel, at point: [Double]) -> Double {
    let density = model.makeLogDensity()
    var gradient = [Double](repeating: 0, count: point.count)
    return point.withUnsafeBufferPointer { position in
      gradient.withUnsafeMutableBufferPointer { density.logDensity(at: position, gradient: $0) }
    }
  }
}

/// One simulation of an SBC run.
public struct SBCSimulation: Sendable, Equatable {
  /// 0-based simulation index.
  public let index: Int
  /// Rank of the truth among the L thinned draws, per parameter (layout order) and last for
  /// lp__; empty when the fit failed.
  public let ranks: [Int]
  /// Divergent transitions after warm-up (all sampled draws, not only the kept ones).
  public let divergences: Int
  public let warmupDivergences: Int
  /// Median over parameters of the bulk ESS of the kept draws (about L when thinning made
  /// them nearly independent; NaN when not computable).
  public let medianThinnedESS: Double
  /// Why the sampler failed, when it did.
  public let failure: String?

  init(
    index: Int, ranks: [Int] = [], divergences: Int = 0, warmupDivergences: Int = 0,
    medianThinnedESS: Double = .nan, failure: String?
  ) {
    self.index = index
    self.ranks = ranks
    self.divergences = divergences
    self.warmupDivergences = warmupDivergences
    self.medianThinnedESS = medianThinnedESS
    self.failure = failure
  }

  public static func == (lhs: SBCSimulation, rhs: SBCSimulation) -> Bool {
    lhs.index == rhs.index && lhs.ranks == rhs.ranks && lhs.divergences == rhs.divergences
      && lhs.failure == rhs.failure
  }
}

/// A thread-safe count of finished tasks.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }
}
