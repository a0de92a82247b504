/// How far the data moved each parameter away from its prior: the ratio of the posterior
/// standard deviation to the prior's (both in the parameter's own units).
///
/// ```swift
/// let shifts = PriorShift.table(for: run)
/// shifts[0].ratio      // 0.1: the data narrowed the prior ten-fold; ~1: prior-dominated
/// ```
///
/// A ratio near 1 means the posterior is about as wide as the prior, so the prior, not the
/// data, decides that parameter (common for the individual Hill parameters, MODEL.md 3.3a);
/// a ratio above 1 means the data pulled the parameter into a wider region than the prior
/// predicted, worth a look.
///
/// The prior sd is `Prior.standardDeviation` where it is defined; where it is not (a
/// Student-t with nu <= 2), it is the sample sd of `priorDraws` draws from the prior with a
/// generator seeded from the run seed, so the record is reproducible (such an sd is only a
/// scale indication: the true variance is infinite).
public struct PriorShift: Sendable, Equatable {
  /// Where a prior sd came from.
  public enum Source: String, Sendable {
    case analytic
    case draws
  }

  /// Number of prior draws behind a sampled prior sd.
  public static let priorDraws = 20_000
  /// The `GSLRandom` stream of those draws (chains use streams 0, 1, ...).
  public static let randomStream: UInt64 = RandomStreams.priorShift.first

  /// The parameter name (layout order).
  public let name: String
  /// Prior standard deviation, in the parameter's units.
  public let priorSD: Double
  /// Posterior standard deviation over all kept draws, in the parameter's units.
  public let posteriorSD: Double
  public let priorSDSource: Source

  /// posterior sd / prior sd: dimensionless, > 0.
  public var ratio: Double { posteriorSD / priorSD }

  /// One entry per parameter of a finished run.
  public static func table(for run: FitRun) -> [PriorShift] {
    table(
      names: run.table.columns, priors: run.prepared.model.priors,
      posteriorSD: run.diagnostics.parameters.map(\.sd), seed: run.settings.seed)
  }

  /// One entry per parameter from index-aligned names, priors and posterior sds.
  public static func table(
    names: [String], priors: [Prior], posteriorSD: [Double], seed: UInt64
  ) -> [PriorShift] {
    var random: GSLRandom?
    return zip(names, zip(priors, posteriorSD)).map { name, pair in
      let (prior, posterior) = pair
      if let analytic = prior.standardDeviation {
        return PriorShift(
          name: name, priorSD: analytic, posteriorSD: posterior, priorSDSource: .analytic)
      }
      let generator = random ?? GSLRandom(runSeed: seed, stream: randomStream)
      random = generator
      let draws = (0..<priorDraws).map { _ in prior.sample(using: generator) }
      return PriorShift(
        name: name, priorSD: Diagnostics.standardDeviation(draws), posteriorSD: posterior,
        priorSDSource: .draws)
    }
  }

  /// `{name, prior_sd, posterior_sd, ratio, prior_sd_from}`.
  var json: JSONValue {
    [
      "name": .string(name), "prior_sd": .number(priorSD), "posterior_sd": .number(posteriorSD),
      "ratio": .number(ratio), "prior_sd_from": .string(priorSDSource.rawValue),
    ]
  }
}
