/// The log-likelihood columns of whole chains (`LogLikelihoodColumns` order), one row per
/// kept draw: what `FitRun` appends to the chain files after the effect columns.
///
/// ```swift
/// let logLik = ChainLogLikelihood.tables(
///   model: model, constrainedDraws: perChainDraws, threads: 2)   // [chain][draw x column]
/// ```
///
/// Each draw's constrained parameters are mapped back to the unconstrained space and the
/// density's own terms are taken there (`JointModelDensity.pointwiseLogLikelihood`), so the
/// values are a function of the chain file's parameter columns alone: recomputing them from
/// the file (`PointwiseLogLikelihood(model:constrainedDraws:)`) gives the same bits. No random
/// numbers are drawn; the result does not depend on `threads`.
///
/// - Complexity: one log density + gradient evaluation per draw.
public enum ChainLogLikelihood {
  /// One draw's row: `LogLikelihoodColumns.count(weeks: fitWeeks)` values.
  /// - Parameter constrained: the draw's parameters, layout order.
  static func row(density: JointModelDensity, model: JointModel, constrained: [Double])
    -> [Double]
  {
    let terms = density.pointwiseLogLikelihood(at: model.unconstrain(constrained))
    let weeks = model.inputs.fitWeeks
    var row: [Double] = []
    row.reserveCapacity(LogLikelihoodColumns.count(weeks: weeks))
    LogLikelihoodColumns.append(
      onOff: terms.onOff, amount: terms.amount, revenue: terms.revenue, weeks: weeks, to: &row)
    return row
  }

  /// The rows of one chain: `drawCount x LogLikelihoodColumns.count(weeks:)` values,
  /// row-major.
  /// - Parameters:
  ///   - constrainedDraws: `drawCount x model.dimension` constrained values, row-major (the
  ///     chain's parameter table).
  ///   - cancel: checked before every draw; once set, the remaining rows are NaN (the run is
  ///     cancelled and never written).
  public static func table(
    model: JointModel, constrainedDraws: [Double], cancel: CancellationFlag? = nil
  ) -> [Double] {
    let density = JointModelDensity(model: model)
    return GeneratedQuantityRows.table(
      constrainedDraws: constrainedDraws, dimension: model.dimension,
      width: LogLikelihoodColumns.count(weeks: model.inputs.fitWeeks), cancel: cancel
    ) { parameters, rows in
      rows += row(density: density, model: model, constrained: parameters)
    }
  }

  /// The rows of every chain, chains in parallel on `threads` threads (each with its own
  /// density, whose scratch buffers are not shared).
  /// - Parameter constrainedDraws: per chain (index = chain), `drawCount x d` values.
  public static func tables(
    model: JointModel, constrainedDraws: [[Double]], threads: Int,
    cancel: CancellationFlag? = nil
  ) -> [[Double]] {
    ParallelWork.map(count: constrainedDraws.count, threads: threads) { chain in
      table(model: model, constrainedDraws: constrainedDraws[chain], cancel: cancel)
    }
  }
}
