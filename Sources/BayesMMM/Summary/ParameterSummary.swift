/// One row of the parameter table: posterior summary and convergence diagnostics of one
/// chain-file column (a parameter or a per-draw effect).
///
/// ```swift
/// let rows = ParameterSummary.table(run.draws, probability: 0.9)
/// rows[0].lower ... rows[0].upper      // central 90% interval
/// ```
///
/// mean, sd (n - 1), median, MCSE of the mean, bulk and tail ESS and rank-normalised split
/// R-hat come from `ColumnDiagnostics` (the Diagnostics module, which matches ArviZ 0.23.4 to
/// 1e-6 relative); `lower` and `upper` bound the central `probability` interval of the
/// pooled draws (`PosteriorStatistics.centralInterval`). Values are in the column's units.
/// Non-finite draws are counted (`diagnostics.nonFiniteDraws`) and left out of every
/// statistic but the count.
public struct ParameterSummary: Sendable, Equatable {
  /// Mean, sd, median, MCSE, ESS and R-hat.
  public let diagnostics: ColumnDiagnostics
  /// The (1 - p)/2 and (1 + p)/2 quantiles of the pooled draws.
  public let lower: Double
  public let upper: Double

  public var name: String { diagnostics.name }
  public var mean: Double { diagnostics.mean }
  public var sd: Double { diagnostics.sd }
  public var median: Double { diagnostics.median }
  public var mcseMean: Double { diagnostics.mcseMean }
  public var essBulk: Double { diagnostics.essBulk }
  public var essTail: Double { diagnostics.essTail }
  public var rHat: Double { diagnostics.rHat }

  /// Summarises one column given as chains x draws.
  public init(name: String, draws: [[Double]], probability: Double) {
    diagnostics = ColumnDiagnostics(name: name, draws: draws)
    let pooled =
      !Diagnostics.isRectangular(draws)
      ? [] : diagnostics.nonFiniteDraws > 0 ? Diagnostics.finitePooled(draws) : draws.flatMap { $0 }
    (lower, upper) = PosteriorStatistics.centralInterval(pooled, probability: probability)
  }

  /// One row per column of `table`, in its order. Columns are summarised on up to
  /// `threads` threads (the work per column is independent).
  ///
  /// - Complexity: O(columns x S log S) for S draws.
  public static func table(_ table: DrawTable, probability: Double, threads: Int = 2)
    -> [ParameterSummary]
  {
    ParallelWork.map(count: table.width, threads: threads) { index in
      ParameterSummary(
        name: table.columns[index], draws: table.column(index), probability: probability)
    }
  }

  /// `{"name", "mean", "sd", "median", "lower", "upper", "mcse_mean", "ess_bulk",
  /// "ess_tail", "r_hat", "non_finite_draws"}`.
  var json: JSONValue {
    [
      "name": .string(name), "mean": .number(mean), "sd": .number(sd),
      "median": .number(median), "lower": .number(lower), "upper": .number(upper),
      "mcse_mean": .number(mcseMean), "ess_bulk": .number(essBulk),
      "ess_tail": .number(essTail), "r_hat": .number(rHat),
      "non_finite_draws": .number(Double(diagnostics.nonFiniteDraws)),
    ]
  }
}
