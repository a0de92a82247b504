/// Buffers the effects of one draw are computed in, allocated once and reused across draws.
///
/// Invariant: owned by one chain (one thread) at a time, like its `GSLRandom`.
public final class EffectWorkspace {
  /// Mediator paths R and weeks T it was made for.
  public let paths: Int
  public let weeks: Int
  /// A_r,t = exp(mu_m,t(observed) + sigma_m z_r,t), `paths x T`.
  let baseAmount: UnsafeMutableBufferPointer<Double>
  /// The mediator paths M_r,t of the arm in progress, `paths x T`.
  let pathSpend: UnsafeMutableBufferPointer<Double>
  /// G_r,t of the observed-arm paths and of the arm in progress, `paths x T` each.
  let observedTerms: UnsafeMutableBufferPointer<Double>
  let pathTerms: UnsafeMutableBufferPointer<Double>
  /// p_t of the observed arm and of the arm in progress, T each.
  let observedOnProbability: UnsafeMutableBufferPointer<Double>
  let onProbability: UnsafeMutableBufferPointer<Double>
  /// f_t and E_t of the arm in progress, T each.
  let amountFactor: UnsafeMutableBufferPointer<Double>
  let revenueFactor: UnsafeMutableBufferPointer<Double>
  /// All ones: the observed arm's factors, T.
  let ones: UnsafeMutableBufferPointer<Double>
  /// w_t = y_obs,t exp(-beta_google H_obs,t), T.
  let revenueWeight: UnsafeMutableBufferPointer<Double>
  /// The arm's social signal h'_s,t and its predictor shifts (`PlanShift`), T each.
  let channelSignal: UnsafeMutableBufferPointer<Double>
  let onOffShift: UnsafeMutableBufferPointer<Double>
  let amountShift: UnsafeMutableBufferPointer<Double>
  let revenueShift: UnsafeMutableBufferPointer<Double>

  public init(paths: Int, weeks: Int) {
    self.paths = paths
    self.weeks = weeks
    func buffer(_ count: Int, _ value: Double = 0) -> UnsafeMutableBufferPointer<Double> {
      let pointer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
      pointer.initialize(repeating: value)
      return pointer
    }
    baseAmount = buffer(paths * weeks)
    pathSpend = buffer(paths * weeks)
    observedTerms = buffer(paths * weeks)
    pathTerms = buffer(paths * weeks)
    observedOnProbability = buffer(weeks)
    onProbability = buffer(weeks)
    amountFactor = buffer(weeks)
    revenueFactor = buffer(weeks)
    ones = buffer(weeks, 1)
    revenueWeight = buffer(weeks)
    channelSignal = buffer(weeks)
    onOffShift = buffer(weeks)
    amountShift = buffer(weeks)
    revenueShift = buffer(weeks)
  }

  deinit {
    for pointer in [
      baseAmount, pathSpend, observedTerms, pathTerms,
      observedOnProbability, onProbability, amountFactor, revenueFactor, ones, revenueWeight,
      channelSignal, onOffShift, amountShift, revenueShift,
    ] {
      pointer.deallocate()
    }
  }

  /// Runs `MediatorPathPass` on all R paths with this draw's base amounts and revenue
  /// weights and the arm's on-probabilities and factors (all `[T]`), writing G_r,t into
  /// `terms` (`paths x T`).
  @inline(__always)
  func runPaths(
    uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeMutableBufferPointer<Double>,
    amountFactor: UnsafeMutableBufferPointer<Double>,
    revenueFactor: UnsafeMutableBufferPointer<Double>, response: MediatorResponse,
    terms: UnsafeMutableBufferPointer<Double>
  ) -> MediatorPathPass.Totals {
    MediatorPathPass.run(
      paths: paths, uniforms: uniforms, onProbability: UnsafeBufferPointer(onProbability),
      baseAmount: UnsafeBufferPointer(baseAmount),
      amountFactor: UnsafeBufferPointer(amountFactor),
      revenueWeight: UnsafeBufferPointer(revenueWeight),
      revenueFactor: UnsafeBufferPointer(revenueFactor), response: response, path: pathSpend,
      revenueTerms: terms)
  }
}
