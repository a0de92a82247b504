#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Settings of `CoverageStudy`.
public struct CoverageSettings: Sendable {
  /// Number of simulated datasets K. Default 20.
  public var datasets: Int = 20
  /// Weeks per dataset. Default 104 (the bundled file's length).
  public var weeks: Int = 104
  /// Seed of everything; dataset k is `SimulatedDataset.simulate(seed: SplitMix64(seed + k))`.
  public var seed: UInt64 = SamplerSettings.defaultSeed
  /// Parameters of every dataset: nil draws a new truth from the priors for each dataset.
  public var truth: TruthFile? = nil
  /// NUTS settings of each fit (the seed is replaced per dataset). Defaults 2 chains x
  /// (500 warm-up + 500 draws).
  public var sampler: SamplerSettings = .validationFit
  /// Credible level of the intervals checked. Default 0.9.
  public var level: Double = 0.9
  /// Datasets fitted at once (chains run one after another within a fit).
  public var threads: Int = 1

  public init() {}
}

/// Recovery and coverage on simulated data: over K datasets simulated from the model (truth
/// from the priors or fixed), fit each and check whether the central `level` credible
/// intervals of the estimands cover their true values.
///
/// ```swift
/// var settings = CoverageSettings()
/// settings.datasets = 40
/// let result = try CoverageStudy.run(settings: settings, configuration: priors)
/// result.rate(of: "price_choke_margin")   // about 0.9 for a calibrated fit
/// ```
///
/// Estimands: the price term's parameters (`ParameterLayout.priceParameters`: the
/// elasticity, the choke ratio or the spline's slopes) and the promotion lift (log scale; the interval of
/// exp(lift) - 1 covers exactly when this one does), plus whatever `extraEstimands` adds:
/// by default the total, direct and indirect effects of every social channel under both
/// contrasts (`SimulatedEffects.coverageEstimands`); pass nil for the parameters only.
/// With truths drawn from the priors, a calibrated posterior covers with probability
/// `level` exactly (averaged over the prior); with a fixed truth, coverage is a frequentist
/// property that the priors may pull either way.
///
/// Each dataset is the full `simulate` path (plan, outcomes, CSV, parsed back); a draw whose
/// data cannot be fitted (Google never on) is skipped and recorded.
public enum CoverageStudy {
  /// An estimand of one fit: its true value and posterior draws.
  public struct Estimand: Sendable {
    public let name: String
    public let truth: Double
    public let draws: [Double]

    public init(name: String, truth: Double, draws: [Double]) {
      self.name = name
      self.truth = truth
      self.draws = draws
    }
  }

  /// Computes further estimands of a fit (e.g. effects), given the dataset and posterior.
  public typealias EstimandProvider =
    @Sendable (SimulatedDataset, PosteriorSample) throws -> [Estimand]

  public static func run(
    settings: CoverageSettings, configuration: PriorsConfiguration,
    extraEstimands: EstimandProvider? = SimulatedEffects.coverageEstimands,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> CoverageResult {
    guard settings.datasets >= 1, settings.level > 0, settings.level < 1 else {
      throw SimulationError.invalidSettings(
        "A coverage study needs at least one dataset and a level in (0, 1).")
    }
    let start = MonotonicClock.seconds()
    let counter = ProgressCounter()
    let datasets = ParallelWork.map(count: settings.datasets, threads: settings.threads) {
      index in
      let outcome = fitDataset(
        index, settings: settings, configuration: configuration, extra: extraEstimands)
      progress?(counter.increment())
      return outcome
    }
    return CoverageResult(
      settings: settings, datasets: datasets, wallTime: MonotonicClock.seconds() - start)
  }

  /// Dataset `index`: simulate, fit, check every estimand.
  static func fitDataset(
    _ index: Int, settings: CoverageSettings, configuration: PriorsConfiguration,
    extra: EstimandProvider?
  ) -> CoverageDataset {
    let seed = GSLRandom.splitMix64(settings.seed &+ UInt64(index))
    do {
      let simulated = try SimulatedDataset.simulate(
        weeks: settings.weeks, seed: seed, configuration: configuration, truth: settings.truth)
      // The fit's seed is derived from the simulation seed, not equal to it: chain c's
      // stream would otherwise be the simulation's stream c (its truth, its noise).
      var sampler = settings.sampler
      sampler.seed = GSLRandom.splitMix64(seed)
      let posterior = try PosteriorSample.fit(
        model: simulated.model, settings: sampler, threads: 1)
      let layout = simulated.model.layout
      var estimands = (layout.priceParameters + [layout.promoLift].compactMap { $0 }).map {
        parameter in
        Estimand(
          name: layout.names[parameter], truth: simulated.truth[parameter],
          draws: posterior.column(parameter))
      }
      estimands += try extra?(simulated, posterior) ?? []
      let checks = estimands.map { estimand in
        let interval = Quantiles.interval(estimand.draws, level: settings.level)
        return CoverageCheck(
          name: estimand.name, truth: estimand.truth, median: Quantiles.median(estimand.draws),
          interval: interval, covered: interval.contains(estimand.truth))
      }
      return CoverageDataset(
        index: index, seed: seed, checks: checks, divergences: posterior.divergences,
        skipped: nil)
    } catch {
      return CoverageDataset(
        index: index, seed: seed, checks: [], divergences: 0, skipped: String(describing: error))
    }
  }
}

/// Whether one interval covered its truth.
public struct CoverageCheck: Sendable, Equatable {
  public let name: String
  public let truth: Double
  public let median: Double
  public let interval: Interval
  public let covered: Bool
}

/// One dataset of a coverage study.
public struct CoverageDataset: Sendable {
  public let index: Int
  /// The seed `SimulatedDataset.simulate` used (reproduces the dataset with `simulate`).
  public let seed: UInt64
  public let checks: [CoverageCheck]
  public let divergences: Int
  /// Why the dataset was left out (degenerate data, sampler failure), when it was.
  public let skipped: String?
}

/// Coverage rates per estimand and pooled.
public struct CoverageResult: Sendable {
  public let settings: CoverageSettings
  public let datasets: [CoverageDataset]
  public let wallTime: Double

  /// Datasets that were fitted.
  public var fitted: [CoverageDataset] { datasets.filter { $0.skipped == nil } }

  /// Estimand names in first-seen order.
  public var names: [String] {
    var seen: [String] = []
    for check in fitted.flatMap(\.checks) where !seen.contains(check.name) {
      seen.append(check.name)
    }
    return seen
  }

  /// Share of fitted datasets whose interval for `name` covered the truth.
  public func rate(of name: String) -> Double {
    ForecastMetrics.share(fitted.flatMap(\.checks).filter { $0.name == name }.map(\.covered))
  }

  /// Share of all intervals (every estimand of every fitted dataset) that covered.
  public var pooledRate: Double { ForecastMetrics.share(fitted.flatMap(\.checks).map(\.covered)) }

  /// Number of intervals behind `pooledRate`.
  public var intervalCount: Int { fitted.reduce(0) { $0 + $1.checks.count } }

  /// Fits with divergent transitions.
  public var fitsWithDivergences: Int { fitted.filter { $0.divergences > 0 }.count }

  /// Plain-text report: rates per estimand with a binomial standard error, pooled rate.
  public var text: String {
    let level = formatted(100 * settings.level, 0)
    var lines = [
      "Coverage of \(level)% intervals over \(fitted.count) simulated datasets of "
        + "\(settings.weeks) weeks (truth from \(settings.truth?.source ?? "the priors"); "
        + "\(datasets.count - fitted.count) skipped)"
    ]
    let width = max(18, (names.map(\.count).max() ?? 0) + 2)
    for name in names {
      let rate = rate(of: name)
      let n = Double(fitted.count)
      let se = (settings.level * (1 - settings.level) / max(n, 1)).squareRoot()
      lines.append(
        pad(name, width) + leftPad(formatted(100 * rate, 1), 6) + "%  (expected " + level
          + "% +- " + formatted(100 * se, 1) + "%)")
    }
    lines.append(
      pad("pooled", width) + leftPad(formatted(100 * pooledRate, 1), 6) + "%  over "
        + "\(intervalCount) intervals")
    lines.append("fits with divergences: \(fitsWithDivergences) of \(fitted.count)")
    for dataset in datasets where dataset.skipped != nil {
      lines.append("skipped dataset \(dataset.index + 1): \(dataset.skipped ?? "")")
    }
    lines.append("time: \(formatted(wallTime, 1)) s")
    return lines.joined(separator: "\n") + "\n"
  }
}
