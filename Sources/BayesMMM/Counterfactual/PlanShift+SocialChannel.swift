extension PlanShift {
  /// `PlanShift`'s three shifts for a plan that moves social channel s alone, to `spend`
  /// (scaled, [T]), written into the caller's buffers without allocating: the effects'
  /// counterfactual arms, one per channel and contrast and draw.
  ///
  /// Each shift is coefficient x (h'_s,t - h_s,t), h' the plan's signal in lane groups
  /// (`MediaTransform.Prepared.laneSignal`, within a few ulp of `PlanShift`'s scalar one)
  /// and h the draw's observed signal. A plan equal to the observed spend gives exact zeros,
  /// as `PlanShift` does.
  /// - Parameters:
  ///   - signal: scratch of T for h'; every buffer has the model's T weeks.
  static func socialChannel(
    _ s: Int, spend: [Double], state: ForwardModel.State, model: JointModel,
    signal: UnsafeMutableBufferPointer<Double>, onOff: UnsafeMutableBufferPointer<Double>,
    amount: UnsafeMutableBufferPointer<Double>, revenue: UnsafeMutableBufferPointer<Double>
  ) {
    let weeks = model.inputs.weeks
    precondition(
      spend.count == weeks
        && signal.count == weeks && onOff.count == weeks && amount.count == weeks
        && revenue.count == weeks,
      "a plan and buffers of the model's weeks")
    guard spend != model.inputs.socialSpend[s] else {
      onOff.update(repeating: 0)
      amount.update(repeating: 0)
      revenue.update(repeating: 0)
      return
    }
    spend.withUnsafeBufferPointer { state.socialTransforms[s].laneSignal(spend: $0, into: signal) }
    let onOffCoefficient = state.onOffCoefficients[s]
    let amountCoefficient = state.amountCoefficients[s]
    let revenueCoefficient = state.revenueCoefficients[s]
    state.socialSignals[s].withUnsafeBufferPointer { observed in
      for t in 0..<weeks {
        let change = signal[t] - observed[t]
        onOff[t] = onOffCoefficient * change
        amount[t] = amountCoefficient * change
        revenue[t] = revenueCoefficient * change
      }
    }
  }
}
