/// The joint model's log likelihood per week and equation at each posterior draw, what
/// PSIS-LOO (`LeaveOneOut`) scores (MODEL.md 9).
///
/// ```swift
/// let pointwise = PointwiseLogLikelihood(model: model, constrainedDraws: draws)
/// let loo = LeaveOneOut(logLikelihood: pointwise.joint, relativeEfficiency: reff)
/// ```
///
/// Terms are the log density's own (`JointModelDensity.pointwiseLogLikelihood`): on/off
/// (Bernoulli-logit), amount (normal log amount; 0 in off weeks) and revenue (Student-t, or
/// its log CDF at the floor in censored weeks). `joint` is their sum per week: one
/// observation is one week of both equations. Shapes `[T][S]`, fitted weeks only, draws in
/// the order given.
public struct PointwiseLogLikelihood: Sendable {
  public let onOff: [[Double]]
  public let amount: [[Double]]
  public let revenue: [[Double]]

  /// - Parameter constrainedDraws: `[S][parameters]`, layout order (as the chain files hold
  ///   them).
  public init(model: JointModel, constrainedDraws: [[Double]]) {
    let weeks = model.inputs.fitWeeks
    var onOff = [[Double]](repeating: [], count: weeks)
    var amount = onOff
    var revenue = onOff
    if let density = model.makeLogDensity() as? JointModelDensity {
      for draw in constrainedDraws {
        let terms = density.pointwiseLogLikelihood(at: model.unconstrain(draw))
        for t in 0..<weeks {
          onOff[t].append(terms.onOff[t])
          amount[t].append(terms.amount[t])
          revenue[t].append(terms.revenue[t])
        }
      }
    }
    self.onOff = onOff
    self.amount = amount
    self.revenue = revenue
  }

  /// Both equations per week, `[T][S]`.
  public var joint: [[Double]] {
    zip(zip(onOff, amount), revenue).map { pair, revenue in
      (0..<revenue.count).map { pair.0[$0] + pair.1[$0] + revenue[$0] }
    }
  }
}
