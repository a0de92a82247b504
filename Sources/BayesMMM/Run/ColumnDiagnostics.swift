/// Summary and convergence diagnostics of one column of draws (all chains pooled).
///
/// R-hat is the rank-normalised split R-hat, ESS bulk and tail as ArviZ (Vehtari et al.
/// 2021); NaN where undefined (constant columns, one chain for R-hat).
///
/// A column with non-finite draws (an effect that overflowed) counts them in
/// `nonFiniteDraws`; its mean, sd and median are then those of the finite draws, and its
/// MCSE, ESS and R-hat are NaN (undefined), so no statistic is silently NaN without a count
/// that explains it.
public struct ColumnDiagnostics: Sendable, Equatable {
  public let name: String
  public let mean: Double
  public let sd: Double
  public let median: Double
  public let mcseMean: Double
  public let essBulk: Double
  public let essTail: Double
  public let rHat: Double
  /// Draws that are ±inf or NaN, all chains; 0 for a healthy column.
  public let nonFiniteDraws: Int

  public init(name: String, draws: [[Double]]) {
    self.name = name
    nonFiniteDraws = Diagnostics.nonFiniteCount(draws)
    if nonFiniteDraws == 0 {
      mean = Diagnostics.mean(draws)
      sd = Diagnostics.standardDeviation(draws)
      // One sort for the median and both tail quantiles: what `quantile(draws,
      // probability:)` and `essTail` would each sort again (all draws are finite here).
      let sorted = draws.flatMap { $0 }.sorted()
      median =
        Diagnostics.isRectangular(draws)
        ? Diagnostics.quantile(sorted: sorted, probability: 0.5) : .nan
      essTail =
        Diagnostics.isDiagnosable(draws)
        ? Diagnostics.essTail(diagnosable: draws, sortedPooled: sorted) : .nan
    } else {
      let finite = Diagnostics.finitePooled(draws)
      mean = Diagnostics.mean(finite)
      sd = Diagnostics.standardDeviation(finite)
      median = Diagnostics.quantile(finite, probability: 0.5)
      essTail = Diagnostics.essTail(draws)
    }
    mcseMean = Diagnostics.mcseMean(draws)
    (essBulk, rHat) = Diagnostics.essBulkAndRHat(draws)
  }

  var json: JSONValue {
    [
      "name": .string(name), "mean": .number(mean), "sd": .number(sd), "median": .number(median),
      "mcse_mean": .number(mcseMean), "ess_bulk": .number(essBulk), "ess_tail": .number(essTail),
      "r_hat": .number(rHat), "non_finite_draws": .number(Double(nonFiniteDraws)),
    ]
  }
}
