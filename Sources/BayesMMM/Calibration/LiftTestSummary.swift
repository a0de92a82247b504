import Foundation

/// Each lift test beside the model's posterior of the same estimand, with and without the
/// test, and whether the model and data contradict it (docs/MODEL.md 11).
///
/// ```swift
/// let rows = LiftTestSummary.rows(model: prepared.model, draws: draws, seed: run.seed)
/// rows[0].posterior.mean       // currency, the fit with the test
/// rows[0].withoutTest?.mean    // the fit without it (PSIS, or a --compare-run)
/// rows[0].conflict             // predictive p-value below 0.01
/// ```
///
/// - The estimand per draw is the full effect of `LiftTestEstimates` (simulated Google).
/// - Without the test: by default Pareto-smoothed importance sampling of the run's draws
///   with log ratios `-log Normal(lift | V_d, se)` (V_d the density's own mean-path effect,
///   so the weights remove exactly the term the fit added), relative efficiency 1; the
///   Pareto k is reported and above 0.7 the figure is unreliable (say so, or give a run
///   without the test). With a comparison run, its draws, unweighted.
/// - Conflict: the two-sided posterior-predictive p-value of the measured lift under the
///   model without the test, `p = 2 min(F, 1 - F)`, `F = sum_d w_d Phi((lift - E_d) / se)`:
///   where the test falls in the predictive distribution of a replicated test, lift_rep =
///   E_d + se z, that the data alone imply (a leave-the-test-out check, so the test cannot
///   vouch for itself). Flagged when p < `conflictLevel`.
public struct LiftTestSummary: Sendable {
  /// Posterior mean and 5% / 95% quantiles, currency.
  public struct Interval: Sendable, Equatable {
    public let mean: Double
    public let lower: Double
    public let upper: Double

    var json: JSONValue {
      .object([
        (key: "mean", value: .number(mean)), ("q05", .number(lower)), ("q95", .number(upper)),
      ])
    }
  }

  /// Where the "without the test" figures come from.
  public enum Reference: Sendable, Equatable {
    /// PSIS weights on the run's own draws, with their Pareto k.
    case importanceWeights(paretoK: Double)
    /// A run fitted without the test (its folder).
    case comparisonRun(String)
  }

  public static let conflictLevel = 0.01
  /// Pareto k above which the importance-weighted figures are unreliable.
  public static let paretoLimit = 0.7

  public let test: LiftTest
  public let posterior: Interval
  public let withoutTest: Interval
  public let reference: Reference
  public let pValue: Double
  public var conflict: Bool { pValue < Self.conflictLevel }
  /// V_d - E_d over the run's draws: the density's approximation minus the full effect.
  public let approximationError: Interval

  /// The rows of `model.liftTests` at the run's constrained `draws`; `comparison` gives the
  /// draws of a run without the tests (same data, its own model) and its folder.
  public static func rows(
    model: JointModel, draws: [[Double]], seed: UInt64,
    comparison: (model: JointModel, draws: [[Double]], directory: String)? = nil,
    threads: Int = 2
  ) -> [LiftTestSummary] {
    let estimates = LiftTestEstimates(model: model, draws: draws, seed: seed, threads: threads)
    let compared = comparison.map { comparison -> LiftTestEstimates in
      var reference = comparison.model
      reference.liftTests = model.liftTests
      return LiftTestEstimates(
        model: reference, draws: comparison.draws, seed: seed, threads: threads)
    }
    return model.liftTests.enumerated().map { i, test in
      let full = estimates.full[i]
      let uniform = [Double](repeating: 1 / Double(full.count), count: full.count)
      let without: (values: [Double], weights: [Double], reference: Reference)
      if let compared, let comparison {
        let values = compared.full[i]
        without = (
          values, [Double](repeating: 1 / Double(values.count), count: values.count),
          .comparisonRun(comparison.directory)
        )
      } else {
        let logRatios = estimates.approximate[i].map { effect -> Double in
          let z = (test.lift - effect) / test.se
          return 0.5 * z * z
        }
        let smoothed = ParetoSmoothedImportanceSampling.smooth(
          logRatios: logRatios, relativeEfficiency: 1)
        without = (
          full, smoothed.logWeights.map { exp($0) }, .importanceWeights(paretoK: smoothed.shape)
        )
      }
      let below = zip(without.values, without.weights).reduce(0.0) { sum, pair in
        sum + pair.1 * GSLSpecial.normalCDF((test.lift - pair.0) / test.se)
      }
      let difference = zip(estimates.approximate[i], full).map { $0 - $1 }
      return LiftTestSummary(
        test: test, posterior: interval(full, weights: uniform),
        withoutTest: interval(without.values, weights: without.weights),
        reference: without.reference, pValue: min(1, 2 * min(below, 1 - below)),
        approximationError: interval(difference, weights: uniform))
    }
  }

  /// Weighted mean and 5% / 95% quantiles (weights summing to 1; the quantile is the first
  /// sorted value whose cumulative weight reaches the level, interpolated as `Diagnostics`
  /// does for equal weights).
  static func interval(_ values: [Double], weights: [Double]) -> Interval {
    let mean = zip(values, weights).reduce(0.0) { $0 + $1.0 * $1.1 }
    let equal = weights.allSatisfy { $0 == weights.first }
    if equal {
      let sorted = values.sorted()
      return Interval(
        mean: mean, lower: Diagnostics.quantile(sorted: sorted, probability: 0.05),
        upper: Diagnostics.quantile(sorted: sorted, probability: 0.95))
    }
    let order = values.indices.sorted { values[$0] < values[$1] }
    func quantile(_ level: Double) -> Double {
      var cumulative = 0.0
      for index in order {
        cumulative += weights[index]
        if cumulative >= level { return values[index] }
      }
      return values[order.last ?? 0]
    }
    return Interval(mean: mean, lower: quantile(0.05), upper: quantile(0.95))
  }
}

extension LiftTestSummary {
  /// The row as `summarize --format json` writes it (docs/summary-json.md).
  public var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = test.recordJSON.objectMembers ?? []
    members.append(("posterior", posterior.json))
    var without = withoutTest.json.objectMembers ?? []
    switch reference {
    case .importanceWeights(let k):
      without.append(("source", .string("importance_weights")))
      without.append(("pareto_k", k.isFinite ? .number(k) : .null))
    case .comparisonRun(let directory):
      without.append(("source", .string("compare_run")))
      without.append(("run", .string(directory)))
    }
    members.append(("without_test", .object(without)))
    members.append(("p_value", .number(pValue)))
    members.append(("conflict", .bool(conflict)))
    members.append(("approximation_error", approximationError.json))
    return .object(members)
  }
}
