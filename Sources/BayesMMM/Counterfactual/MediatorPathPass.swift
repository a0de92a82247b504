/// Google's media transform and revenue coefficient at one draw.
struct MediatorResponse {
  /// The mediator's transform (scaled mediator units in, signal out).
  let transform: MediaTransform.Prepared
  /// beta_google on the log revenue scale.
  let revenueCoefficient: Double
}

/// The simulated mediator paths of one arm, pushed through to revenue (the hot loop of the
/// effects).
///
/// For path r and week t, with u_r,t the path's uniform and A_r,t = exp(mu_m,t(observed) +
/// sigma_m z_r,t) its amount at the observed social signals:
///
///     M_r,t = u_r,t < p_t ? A_r,t x f_t : 0      (hurdle; f_t = exp(g_s (h'_s,t - h_s,t)))
///     H_r,t = the mediator's signal of M_r (its `MediaTransform`)
///     G_r,t = w_t exp(beta_google H_r,t)         (w_t = y_obs,t exp(-beta_google H_obs,t))
///
/// so that sum_t G_r,t is revenue with the social channels observed and Google on M_r, and
/// sum_t G_r,t E_t, with E_t = exp(beta_s (h'_s,t - h_s,t)), is revenue with channel s on its
/// counterfactual path. This is `ForwardModel.simulateMediator` with the amount factored
/// into a shared A_r,t (one exp per path and week instead of one per arm) and the linear
/// predictor differences taken directly (the centring constants of the observed data stay).
///
/// The pass runs in three sweeps over the arm's `paths x T` grid: the hurdle, a lane group
/// (`LaneMath.Lanes`) of weeks at a time; the adstocks, every path's recursion side by side
/// (`MediaTransform.Prepared.adstock(paths:spend:into:)`); then Hill and G_r,t a lane group
/// at a time with `LaneMath`'s log and exp.
///
/// Accuracy: M_r,t and the adstock are the numbers of the scalar formulas; H_r,t is within
/// about (2 + |u|) ulp of `MediaTransform.Prepared.signal` (u the Hill logit) and
/// exp(beta H) within 2 ulp of libm's given H, so each G_r,t is within a few ulp of the
/// scalar pass's, and the sums (week-major lane partial sums) differ from sequential ones
/// by rounding only.
///
/// - Complexity: O(R T) (O(R T L) for delayed adstock), one lane log and two lane exp per
///   8 weeks of a path; no allocation.
enum MediatorPathPass {
  struct Totals {
    /// sum_r,t M_r,t, scaled mediator units.
    var mediator: Double
    /// sum_r,t G_r,t, currency.
    var revenue: Double
    /// sum_r,t G_r,t E_t, currency.
    var revenueWithFactor: Double
  }

  /// Runs the pass on every path of one arm; writes M_r,t into `path` and H_r,t into
  /// `signal` (`paths x T` each, path-major) and sum_r G_r,t into `weeklyRevenue` (T).
  /// `uniforms` and `baseAmount` are `paths x T`; `onProbability`, `amountFactor`,
  /// `revenueWeight` and `revenueFactor` are T.
  @inline(__always)
  static func run(
    paths: Int, uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    revenueWeight: UnsafeBufferPointer<Double>, revenueFactor: UnsafeBufferPointer<Double>,
    response: MediatorResponse, path: UnsafeMutableBufferPointer<Double>,
    signal: UnsafeMutableBufferPointer<Double>, weeklyRevenue: UnsafeMutableBufferPointer<Double>
  ) -> Totals {
    let weeks = weeklyRevenue.count
    precondition(
      uniforms.count == paths * weeks && baseAmount.count == paths * weeks
        && path.count == paths * weeks && signal.count == paths * weeks
        && [onProbability, amountFactor, revenueWeight, revenueFactor].allSatisfy {
          $0.count == weeks
        })
    let mediator = hurdle(
      paths: paths, uniforms: uniforms, onProbability: onProbability, baseAmount: baseAmount,
      amountFactor: amountFactor, path: path)
    response.transform.adstock(paths: paths, spend: UnsafeBufferPointer(path), into: signal)
    revenueTerms(
      paths: paths, signal: signal, revenueWeight: revenueWeight,
      response: response, weeklyRevenue: weeklyRevenue)
    let revenue = LaneSums.sum(UnsafeBufferPointer(weeklyRevenue))
    let revenueWithFactor = LaneSums.dot(UnsafeBufferPointer(weeklyRevenue), revenueFactor)
    return Totals(mediator: mediator, revenue: revenue, revenueWithFactor: revenueWithFactor)
  }

  /// M_r,t = u_r,t < p_t ? A_r,t f_t : 0 into `path`; returns sum_r,t M_r,t.
  @inline(__always)
  private static func hurdle(
    paths: Int, uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    path: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    guard let u = uniforms.baseAddress, let p = onProbability.baseAddress,
      let a = baseAmount.baseAddress, let f = amountFactor.baseAddress,
      let m = path.baseAddress
    else { return 0 }
    let weeks = onProbability.count
    var total = LaneMath.Lanes.zero
    for r in 0..<paths {
      let offset = r * weeks
      for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
        // Padded lanes: u = 0 is not below p = 0, so they are off and add nothing.
        let on =
          LaneMath.Lanes(u + offset, at: start, count: weeks)
          .< LaneMath.Lanes(p, at: start, count: weeks)
        let amount =
          LaneMath.Lanes(a + offset, at: start, count: weeks)
          * LaneMath.Lanes(f, at: start, count: weeks)
        let spend = LaneMath.Lanes.zero.lanesReplacing(with: amount, where: on)
        spend.store(to: m + offset, at: start, count: weeks)
        total += spend
      }
    }
    return total.sum()
  }

  /// sum_r G_r,t = sum_r w_t exp(beta Hill(a_r,t)) into `weeklyRevenue`, from the adstocks
  /// a_r,t in `signal`, which it overwrites with H_r,t.
  @inline(__always)
  private static func revenueTerms(
    paths: Int, signal: UnsafeMutableBufferPointer<Double>,
    revenueWeight: UnsafeBufferPointer<Double>, response: MediatorResponse,
    weeklyRevenue: UnsafeMutableBufferPointer<Double>
  ) {
    guard let h = signal.baseAddress,
      let w = revenueWeight.baseAddress, let out = weeklyRevenue.baseAddress
    else { return }
    let weeks = weeklyRevenue.count
    let transform = response.transform
    let beta = response.revenueCoefficient
    weeklyRevenue.update(repeating: 0)
    for r in 0..<paths {
      let offset = r * weeks
      for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
        let saturation = HillSaturation.values(
          LaneMath.Lanes(h + offset, at: start, count: weeks),
          logHalfSaturation: transform.logHalfSaturation, shape: transform.shape)
        saturation.store(to: h + offset, at: start, count: weeks)
        let term = LaneMath.Lanes(w, at: start, count: weeks) * LaneMath.exp(beta * saturation)
        (LaneMath.Lanes(out, at: start, count: weeks) + term).store(
          to: out, at: start, count: weeks)
      }
    }
  }
}
