/// The joint model's log likelihood per week and equation at each posterior draw, what
/// PSIS-LOO (`LeaveOneOut`) scores (MODEL.md 9).
///
/// ```swift
/// let pointwise = PointwiseLogLikelihood(table: run.draws, weeks: 104)    // chain files
///   ?? PointwiseLogLikelihood(model: model, constrainedDraws: draws)     // recomputed
/// let loo = LeaveOneOut(logLikelihood: pointwise.joint, relativeEfficiency: reff)
/// ```
///
/// Terms are the log density's own (`JointModelDensity.pointwiseLogLikelihood`): on/off
/// (Bernoulli-logit), amount (normal log amount; 0 in off weeks) and revenue (Student-t, or
/// its log CDF at the floor in censored weeks); `search` is on/off + amount (the Google
/// equation) and `joint` is search + revenue (one observation is one week of both
/// equations). They are read from the chain files' columns (`LogLikelihoodColumns`), or,
/// for a run written before those columns existed, recomputed the same way `sample` writes
/// them (`ChainLogLikelihood`), so both give the same bits. Shapes `[T][S]`, fitted weeks
/// only, draws pooled chain by chain (as `az.from_cmdstan` stacks them).
public struct PointwiseLogLikelihood: Sendable {
  public let joint: [[Double]]
  public let revenue: [[Double]]
  public let search: [[Double]]
  public let onOff: [[Double]]
  public let amount: [[Double]]

  /// Recomputes every term from the parameters.
  /// - Parameter constrainedDraws: `[S][parameters]`, layout order (as the chain files hold
  ///   them).
  public init(model: JointModel, constrainedDraws: [[Double]]) {
    let weeks = model.inputs.fitWeeks
    let density = JointModelDensity(model: model)
    var vectors = [[[Double]]](
      repeating: [[Double]](repeating: [], count: weeks),
      count: LogLikelihoodColumns.Vector.allCases.count)
    for draw in constrainedDraws {
      let row = ChainLogLikelihood.row(density: density, model: model, constrained: draw)
      for (v, vector) in LogLikelihoodColumns.Vector.allCases.enumerated() {
        for t in 0..<weeks {
          vectors[v][t].append(row[LogLikelihoodColumns.index(vector, week: t, weeks: weeks)])
        }
      }
    }
    self.init(vectors: vectors)
  }

  /// Reads the terms from a run's log-likelihood columns; nil when `table` lacks any of
  /// them (a run written before they existed).
  /// - Parameter weeks: the fitted weeks T (`ModelInputs.fitWeeks`).
  public init?(table: DrawTable, weeks: Int) {
    let positions = Dictionary(
      table.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var vectors: [[[Double]]] = []
    for vector in LogLikelihoodColumns.Vector.allCases {
      var rows: [[Double]] = []
      for t in 0..<weeks {
        guard let index = positions[LogLikelihoodColumns.name(vector, week: t)] else {
          return nil
        }
        rows.append(table.column(index).flatMap { $0 })
      }
      vectors.append(rows)
    }
    self.init(vectors: vectors)
  }

  /// - Parameter vectors: `[vector][T][S]` in `LogLikelihoodColumns.Vector.allCases` order.
  private init(vectors: [[[Double]]]) {
    func vector(_ which: LogLikelihoodColumns.Vector) -> [[Double]] {
      vectors[LogLikelihoodColumns.Vector.allCases.firstIndex(of: which) ?? 0]
    }
    joint = vector(.joint)
    revenue = vector(.revenue)
    search = vector(.search)
    onOff = vector(.searchOnOff)
    amount = vector(.searchAmount)
  }
}
