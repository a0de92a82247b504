/// PSIS-LOO of a stored run, for the joint model (one observation = one week of both
/// equations) and for each equation alone: what `bayes-mmm loo` prints.
///
/// r_eff is ArviZ's: the mean split-chain ESS of the mean over the model's parameters,
/// divided by the pooled draws. Draws are pooled chain by chain, as `az.from_cmdstan` stacks
/// them.
public struct RunLeaveOneOut: Sendable {
  /// `joint`, `revenue`, `onOff`, `amount`.
  public let joint: LeaveOneOut
  public let revenue: LeaveOneOut
  public let onOff: LeaveOneOut
  public let amount: LeaveOneOut
  public let relativeEfficiency: Double
  /// The ISO date of each fitted week, index-aligned with the pointwise results.
  public let weekDates: [String]

  public init(run: StoredRun, prepared: PreparedModel) throws(SummaryError) {
    let model = prepared.model
    let names = model.layout.names
    var columns: [Int] = []
    for name in names {
      guard let index = run.draws.columns.firstIndex(of: name) else {
        throw .badRecord(
          path: run.recordPath, key: "parameters", reason: "the chain files lack column \(name)")
      }
      columns.append(index)
    }
    let width = run.draws.width
    var constrained: [[Double]] = []
    for chain in run.draws.values {
      for d in 0..<(chain.count / max(width, 1)) {
        constrained.append(columns.map { chain[d * width + $0] })
      }
    }
    let pointwise = PointwiseLogLikelihood(model: model, constrainedDraws: constrained)
    let reff = LeaveOneOut.relativeEfficiency(of: columns.map { run.draws.column($0) })
    relativeEfficiency = reff
    joint = LeaveOneOut(logLikelihood: pointwise.joint, relativeEfficiency: reff)
    revenue = LeaveOneOut(logLikelihood: pointwise.revenue, relativeEfficiency: reff)
    onOff = LeaveOneOut(logLikelihood: pointwise.onOff, relativeEfficiency: reff)
    let onWeeks = model.inputs.fittedMediatorOnWeeks
    amount = LeaveOneOut(
      logLikelihood: onWeeks.map { pointwise.amount[$0] }, relativeEfficiency: reff)
    weekDates = Array(prepared.dataset.dates.prefix(model.inputs.fitWeeks))
  }

  /// The weeks whose joint Pareto k exceeds the threshold, as dates.
  public var unreliableWeeks: [String] {
    joint.paretoK.indices.filter { joint.paretoK[$0] > joint.goodKThreshold }.map { weekDates[$0] }
  }
}
