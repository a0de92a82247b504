/// A family of `GSLRandom` streams: member i is stream `first + i` of the family's seed.
///
/// ```swift
/// GSLRandom(runSeed: seed, stream: RandomStreams.chains.stream(2))   // chain 2
/// ```
public struct RandomStreamFamily: Sendable, Equatable {
  /// What the streams are for, and which seed they are drawn with.
  public let name: String
  /// The stream number of member 0.
  public let first: UInt64

  /// The stream number of member `index` (>= 0).
  public func stream(_ index: Int) -> UInt64 {
    precondition(index >= 0, "stream members are counted from 0")
    return first + UInt64(index)
  }

  /// The stream numbers of members 0 ..< count.
  public func streams(count: Int) -> Range<UInt64> { first..<stream(count) }
}

/// Every random-number stream family of the library, with its number: the one place the
/// offsets are written. The numbers are part of the reproducibility contract (chain files of
/// a seed must not change), so a family is added here, never renumbered.
///
/// Families drawn with the same seed must not share a stream; `RandomStreamsTests` checks
/// each group below for up to 100,000 members per family. One known exception, kept because
/// renumbering would change results: in `validate`, fold 0's predictive noise (500) is
/// chain 500's stream, so folds and chains are disjoint only below 500 chains (validate's
/// fits run a handful). A fit of simulated data (SBC, the coverage study) samples
/// with a seed derived from the simulation's by SplitMix64, never the simulation seed
/// itself.
public enum RandomStreams {
  /// Simulation seed: the lift tests drawn from the truth (`SimulatedLiftTests`): member 0
  /// the Google paths of their true effects, member 1 their measurement noise.
  public static let simulatedLiftTests = RandomStreamFamily(
    name: "simulated lift tests (simulation seed)", first: 200_000)
  /// Run seed: chain c of `runChains`. Also the single stream (0) of a command that needs
  /// one generator: the prior-predictive draws, the gradient check, the benchmark.
  public static let chains = RandomStreamFamily(name: "chains (run seed)", first: 0)
  /// Simulation seed: the parameters drawn from the priors as the truth.
  public static let simulatedTruth = RandomStreamFamily(
    name: "simulated truth (simulation seed)", first: 1)
  /// Simulation seed: the simulated outcome's noise.
  public static let simulatedOutcome = RandomStreamFamily(
    name: "simulated outcome (simulation seed)", first: 2)
  /// Simulation seed: the mediator paths of the simulated true effects.
  public static let simulatedEffects = RandomStreamFamily(
    name: "simulated effects (simulation seed)", first: 3)
  /// Sampler seed of `validate`: the predictive noise of fold i.
  public static let rollingOriginFolds = RandomStreamFamily(
    name: "rolling-origin folds (sampler seed)", first: 500)
  /// Simulation seed: spend series k of the synthetic campaign plan.
  public static let campaignSeries = RandomStreamFamily(
    name: "campaign series (simulation seed)", first: 1000)
  /// Run seed: the mediator paths of chain c's effects.
  public static let effects = RandomStreamFamily(name: "effects (run seed)", first: 1_000_000)
  /// Calibration seed (not the fits' seeds, which are derived per simulation): simulation i's
  /// truth and outcome.
  public static let calibrationSimulations = RandomStreamFamily(
    name: "calibration simulations (calibration seed)", first: 1_000_000)
  /// Run seed: the posterior-predictive draws of the fit summary.
  public static let posteriorPredictive = RandomStreamFamily(
    name: "posterior predictive (run seed)", first: 2_000_000)
  /// Run seed: the predictive bands of the HTML report.
  public static let reportPredictive = RandomStreamFamily(
    name: "report predictive bands (run seed)", first: 3_000_000)
  /// Forecast seed (`forecast --seed`, by default the run's seed): the hurdle numbers and
  /// predictive noise of a forecast (one stream, member 0).
  public static let forecast = RandomStreamFamily(name: "forecast (run seed)", first: 4_000_000)
  /// Contributions seed (`contributions --seed`, by default the run's seed): the Google
  /// paths of every draw's contributions (one stream, member 0).
  public static let contributions = RandomStreamFamily(
    name: "contributions (run seed)", first: 5_000_000)
  /// Optimize seed (`optimize --seed`, by default the run's seed): the mediator paths of
  /// posterior draw d of a budget allocation (member d).
  public static let optimize = RandomStreamFamily(name: "optimize (run seed)", first: 6_000_000)
  /// Run seed: the mediator paths behind posterior draw d's estimate of every lift test's
  /// effect (member d; `LiftTestEstimates`).
  public static let liftTests = RandomStreamFamily(name: "lift tests (run seed)", first: 7_000_000)
  /// Run seed: the prior draws behind a sampled prior sd ("prior_sd" in ASCII).
  public static let priorShift = RandomStreamFamily(
    name: "prior shift (run seed)", first: 0x7072_696F_725F_7364)

  /// The families drawn with a `sample` run's seed (sample, summarize, report).
  public static let runSeedFamilies = [
    chains, effects, posteriorPredictive, reportPredictive, forecast, contributions, optimize,
    liftTests, priorShift,
  ]
  /// The families drawn with one simulated dataset's seed.
  public static let simulationSeedFamilies = [
    simulatedTruth, simulatedOutcome, simulatedEffects, campaignSeries, simulatedLiftTests,
  ]
}
