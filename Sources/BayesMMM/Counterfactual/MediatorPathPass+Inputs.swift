extension MediatorPathPass {
  /// The inputs every plan of one draw shares: the revenue weights
  /// w_t = y_obs,t exp(-beta_google H_obs,t) `[T]` and the base amounts
  /// A_r,t = exp(mu_m,t(observed) + sigma_m z_r,t) `[paths x T]`, with `LaneMath.exp`
  /// (within 2 ulp of libm); allocates only the predictor mu_m `[T]`.
  static func prepare(
    state: ForwardModel.State, observedRevenue: [Double], numbers: MediatorRandomNumbers,
    revenueWeight: UnsafeMutableBufferPointer<Double>,
    baseAmount: UnsafeMutableBufferPointer<Double>
  ) {
    let weeks = numbers.weeks
    precondition(
      observedRevenue.count == weeks && revenueWeight.count == weeks
        && baseAmount.count == numbers.paths * weeks)
    let mu = state.amountPredictor(socialSignals: state.socialSignals)
    let sigma = state.amountSigma
    let beta = state.mediatorCoefficient
    guard let weight = revenueWeight.baseAddress, let amount = baseAmount.baseAddress else {
      return
    }
    observedRevenue.withUnsafeBufferPointer { y in
      state.mediatorSignal.withUnsafeBufferPointer { h in
        guard let y = y.baseAddress, let h = h.baseAddress else { return }
        for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
          let signal = LaneMath.Lanes(h, at: start, count: weeks)
          (LaneMath.Lanes(y, at: start, count: weeks) * LaneMath.exp(-beta * signal))
            .store(to: weight, at: start, count: weeks)
        }
      }
    }
    mu.withUnsafeBufferPointer { mu in
      numbers.normals.withUnsafeBufferPointer { z in
        guard let mu = mu.baseAddress, let z = z.baseAddress else { return }
        for r in 0..<numbers.paths {
          let offset = r * weeks
          for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
            let logAmount =
              LaneMath.Lanes(mu, at: start, count: weeks)
              + sigma * LaneMath.Lanes(z + offset, at: start, count: weeks)
            LaneMath.exp(logAmount).store(to: amount + offset, at: start, count: weeks)
          }
        }
      }
    }
  }

  /// The per-week inputs of an arm whose predictors move by the given shifts (`PlanShift`),
  /// all `[T]`: p_t = logistic(eta_t + onOff_t), f_t = exp(amount_t) and
  /// E_t = exp(revenue_t), each within a few ulp of the scalar formulas (`LaneMath.exp`).
  static func armFactors(
    onOffPredictor eta: UnsafeBufferPointer<Double>, onOffShift: UnsafeBufferPointer<Double>,
    amountShift: UnsafeBufferPointer<Double>, revenueShift: UnsafeBufferPointer<Double>,
    onProbability: UnsafeMutableBufferPointer<Double>,
    amountFactor: UnsafeMutableBufferPointer<Double>,
    revenueFactor: UnsafeMutableBufferPointer<Double>
  ) {
    let weeks = eta.count
    precondition(
      onOffShift.count == weeks && amountShift.count == weeks && revenueShift.count == weeks
        && onProbability.count == weeks && amountFactor.count == weeks
        && revenueFactor.count == weeks)
    guard let eta = eta.baseAddress, let onOff = onOffShift.baseAddress,
      let amount = amountShift.baseAddress, let revenue = revenueShift.baseAddress,
      let p = onProbability.baseAddress, let f = amountFactor.baseAddress,
      let e = revenueFactor.baseAddress
    else { return }
    for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
      let logit =
        LaneMath.Lanes(eta, at: start, count: weeks)
        + LaneMath.Lanes(onOff, at: start, count: weeks)
      HillSaturation.logistic(logit).store(to: p, at: start, count: weeks)
      LaneMath.exp(LaneMath.Lanes(amount, at: start, count: weeks))
        .store(to: f, at: start, count: weeks)
      LaneMath.exp(LaneMath.Lanes(revenue, at: start, count: weeks))
        .store(to: e, at: start, count: weeks)
    }
  }
}
