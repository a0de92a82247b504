/// Models of the same observations ranked by PSIS-LOO, with ArviZ's `az.compare`
/// definitions:
///
///     elpd_diff_m = elpd_best - elpd_m
///     se_diff_m   = sqrt(n var_i(elpd_best,i - elpd_m,i))   (variance with divisor n)
///
/// so the best model has elpd_diff 0 and se_diff 0; a difference within about 2 se_diff is
/// not one the data resolve.
public struct ModelComparison: Sendable {
  public struct Entry: Sendable, Equatable {
    public let name: String
    /// 0 for the best.
    public let rank: Int
    public let loo: LeaveOneOut
    public let elpdDifference: Double
    public let differenceStandardError: Double
  }

  /// Entries best first (ties keep the input order).
  public let entries: [Entry]

  /// - Precondition: every model scores the same number of observations.
  public init(_ models: [(name: String, loo: LeaveOneOut)]) {
    precondition(
      Set(models.map(\.loo.pointwise.count)).count <= 1, "models of the same observations")
    let order = models.indices.sorted { models[$0].loo.elpd > models[$1].loo.elpd }
    guard let bestIndex = order.first else {
      entries = []
      return
    }
    let best = models[bestIndex].loo
    entries = order.enumerated().map { rank, index in
      let loo = models[index].loo
      let differences = zip(best.pointwise, loo.pointwise).map { $0 - $1 }
      let n = Double(differences.count)
      let mean = differences.reduce(0, +) / n
      let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
      return Entry(
        name: models[index].name, rank: rank, loo: loo, elpdDifference: best.elpd - loo.elpd,
        differenceStandardError: (n * variance).squareRoot())
    }
  }
}
