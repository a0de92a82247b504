/// PSIS-LOO of a stored run, for the joint model (one observation = one week of both
/// equations), for each equation alone (revenue; search, the Google hurdle) and for the
/// hurdle's two parts (on/off over every week, amount over Google's on weeks): what
/// `bayes-mmm loo` prints.
///
/// The pointwise terms are the chain files' log-likelihood columns (`LogLikelihoodColumns`),
/// the very values `az.from_cmdstan(files, log_likelihood=...)` reads; a run written before
/// those columns existed has them recomputed from its parameter columns
/// (`PointwiseLogLikelihood(model:constrainedDraws:)`, the same bits).
///
/// r_eff is ArviZ's `az.loo` definition, the mean split-chain ESS of the mean over the
/// posterior's variables divided by the pooled draws, taken over the model's parameters
/// only: `az.from_cmdstan` also puts the effect columns (and any log-likelihood vector not
/// named in `log_likelihood=`) in its posterior group, so ArviZ agrees once that group is
/// cut to the parameters (README, "PSIS-LOO"). Draws are pooled chain by chain, as
/// `az.from_cmdstan` stacks them.
public struct RunLeaveOneOut: Sendable {
  /// Where the pointwise log likelihood came from.
  public enum Source: String, Sendable {
    /// The chain files' `log_lik*` columns.
    case chainFiles = "chain_files"
    /// Recomputed from the parameter columns (a run without `log_lik*` columns).
    case recomputed
  }

  public let joint: LeaveOneOut
  public let revenue: LeaveOneOut
  /// The Google equation: on/off + amount per week.
  public let search: LeaveOneOut
  public let onOff: LeaveOneOut
  /// Over Google's on weeks only (the amount is not observed in off weeks).
  public let amount: LeaveOneOut
  public let relativeEfficiency: Double
  public let source: Source
  /// The ISO date of each fitted week, index-aligned with the pointwise results.
  public let weekDates: [String]

  /// - Throws: `SummaryError.badRecord` when the chain files lack a parameter column.
  public init(run: StoredRun, prepared: PreparedModel) throws(SummaryError) {
    let model = prepared.model
    var columns: [Int] = []
    for name in model.layout.names {
      guard let index = run.draws.columns.firstIndex(of: name) else {
        throw .badRecord(
          path: run.recordPath, key: "parameters", reason: "the chain files lack column \(name)")
      }
      columns.append(index)
    }
    let pointwise: PointwiseLogLikelihood
    if let stored = PointwiseLogLikelihood(table: run.draws, weeks: model.inputs.fitWeeks) {
      pointwise = stored
      source = .chainFiles
    } else {
      pointwise = PointwiseLogLikelihood(
        model: model, constrainedDraws: Self.pooledDraws(run.draws, columns: columns))
      source = .recomputed
    }
    let reff = LeaveOneOut.relativeEfficiency(of: columns.map { run.draws.column($0) })
    relativeEfficiency = reff
    joint = LeaveOneOut(logLikelihood: pointwise.joint, relativeEfficiency: reff)
    revenue = LeaveOneOut(logLikelihood: pointwise.revenue, relativeEfficiency: reff)
    search = LeaveOneOut(logLikelihood: pointwise.search, relativeEfficiency: reff)
    onOff = LeaveOneOut(logLikelihood: pointwise.onOff, relativeEfficiency: reff)
    let onWeeks = model.inputs.fittedMediatorOnWeeks
    amount = LeaveOneOut(
      logLikelihood: onWeeks.map { pointwise.amount[$0] }, relativeEfficiency: reff)
    weekDates = Array(prepared.dataset.dates.prefix(model.inputs.fitWeeks))
  }

  /// Every draw's values of `columns`, chains in order, then draws: `[S][columns.count]`.
  private static func pooledDraws(_ draws: DrawTable, columns: [Int]) -> [[Double]] {
    let width = draws.width
    return draws.values.flatMap { chain in
      (0..<draws.drawCount).map { d in columns.map { chain[d * width + $0] } }
    }
  }

  /// The weeks whose joint Pareto k exceeds the threshold, as dates.
  public var unreliableWeeks: [String] {
    joint.paretoK.indices.filter { joint.paretoK[$0] > joint.goodKThreshold }.map { weekDates[$0] }
  }
}
