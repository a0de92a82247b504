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
/// The pass runs in sweeps over the arm's `paths x T` grid, each a short loop over
/// independent weeks so the processor overlaps their long dependency chains: the hurdle, a
/// lane group (`LaneMath.Lanes`) of weeks at a time; the adstocks, every path's recursion
/// side by side (`MediaTransform.Prepared.adstock(paths:spend:into:)`); Hill's logit, its
/// logistic and G_r,t, each a lane group at a time with `LaneMath`'s log and exp; then the
/// sums (`PathSums`), in the scalar pass's order.
///
/// Accuracy: M_r,t, the adstock and the order of every sum are those of the scalar pass
/// (one path at a time, week by week), so the only differences are the roundings of log and
/// exp: H_r,t is within about (2 + |u|) ulp of `MediaTransform.Prepared.signal` (u the Hill
/// logit) and exp(beta H) within 2 ulp of libm's given H, so each G_r,t is within a few ulp
/// of the scalar pass's.
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

  /// Runs the pass on every path of one arm; writes M_r,t into `path` and G_r,t into
  /// `revenueTerms` (`paths x T` each, path-major; `revenueTerms` holds the adstocks and
  /// signals on the way). `uniforms` and `baseAmount` are `paths x T`; `onProbability`,
  /// `amountFactor`, `revenueWeight` and `revenueFactor` are T.
  @inline(__always)
  static func run(
    paths: Int, uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    revenueWeight: UnsafeBufferPointer<Double>, revenueFactor: UnsafeBufferPointer<Double>,
    response: MediatorResponse, path: UnsafeMutableBufferPointer<Double>,
    revenueTerms: UnsafeMutableBufferPointer<Double>
  ) -> Totals {
    let weeks = onProbability.count
    precondition(
      uniforms.count == paths * weeks && baseAmount.count == paths * weeks
        && path.count == paths * weeks && revenueTerms.count == paths * weeks
        && amountFactor.count == weeks && revenueWeight.count == weeks
        && revenueFactor.count == weeks)
    hurdle(
      paths: paths, uniforms: uniforms, onProbability: onProbability, baseAmount: baseAmount,
      amountFactor: amountFactor, path: path)
    let transform = response.transform
    transform.adstock(paths: paths, spend: UnsafeBufferPointer(path), into: revenueTerms)
    forEachLaneGroup(paths: paths, weeks: weeks, revenueTerms) { adstock, _ in
      HillSaturation.logit(
        adstock, logHalfSaturation: transform.logHalfSaturation, shape: transform.shape)
    }
    forEachLaneGroup(paths: paths, weeks: weeks, revenueTerms) { logit, _ in
      HillSaturation.logistic(logit)
    }
    guard let weight = revenueWeight.baseAddress else {
      return Totals(mediator: 0, revenue: 0, revenueWithFactor: 0)
    }
    let beta = response.revenueCoefficient
    forEachLaneGroup(paths: paths, weeks: weeks, revenueTerms) { signal, week in
      LaneMath.Lanes(weight, at: week, count: weeks) * LaneMath.exp(beta * signal)
    }
    let mediator = PathSums(paths: paths, grid: UnsafeBufferPointer(path))
    let revenue = PathSums(
      paths: paths, grid: UnsafeBufferPointer(revenueTerms), factor: revenueFactor)
    return Totals(
      mediator: mediator.sum, revenue: revenue.sum, revenueWithFactor: revenue.weightedSum)
  }

  /// M_r,t = u_r,t < p_t ? A_r,t f_t : 0 into `path`.
  @inline(__always)
  private static func hurdle(
    paths: Int, uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    path: UnsafeMutableBufferPointer<Double>
  ) {
    guard let u = uniforms.baseAddress, let p = onProbability.baseAddress,
      let a = baseAmount.baseAddress, let f = amountFactor.baseAddress,
      let m = path.baseAddress
    else { return }
    let weeks = onProbability.count
    for r in 0..<paths {
      let offset = r * weeks
      for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
        let on =
          LaneMath.Lanes(u + offset, at: start, count: weeks)
          .< LaneMath.Lanes(p, at: start, count: weeks)
        let amount =
          LaneMath.Lanes(a + offset, at: start, count: weeks)
          * LaneMath.Lanes(f, at: start, count: weeks)
        LaneMath.Lanes.zero.lanesReplacing(with: amount, where: on)
          .store(to: m + offset, at: start, count: weeks)
      }
    }
  }

  /// Replaces each lane group of each path's T weeks in `grid` (`paths x T`) by `update`
  /// of it and its first week (lanes past week T - 1 padded with 0 on load, dropped on
  /// store).
  @inline(__always)
  private static func forEachLaneGroup(
    paths: Int, weeks: Int, _ grid: UnsafeMutableBufferPointer<Double>,
    _ update: (LaneMath.Lanes, Int) -> LaneMath.Lanes
  ) {
    guard let base = grid.baseAddress else { return }
    for r in 0..<paths {
      let series = base + r * weeks
      for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
        update(LaneMath.Lanes(series, at: start, count: weeks), start)
          .store(to: series, at: start, count: weeks)
      }
    }
  }
}
