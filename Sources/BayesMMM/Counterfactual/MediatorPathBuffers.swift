/// The buffers `MediatorPathPass` reads and writes for one arm of R paths x T weeks,
/// allocated once: per chain inside `EffectWorkspace`, per call in `CounterfactualRevenue`.
///
/// ```swift
/// let buffers = MediatorPathBuffers(paths: 10, weeks: T)
/// MediatorPathPass.prepare(state: state, observedRevenue: y, numbers: numbers,
///                          revenueWeight: buffers.revenueWeight, baseAmount: buffers.baseAmount)
/// let totals = buffers.run(uniforms: u, onProbability: buffers.onProbability, ...)
/// ```
///
/// Invariant: used by one thread at a time.
final class MediatorPathBuffers {
  /// Mediator paths R and weeks T they were made for.
  let paths: Int
  let weeks: Int
  /// A_r,t = exp(mu_m,t(observed) + sigma_m z_r,t), `paths x T`.
  let baseAmount: UnsafeMutableBufferPointer<Double>
  /// The mediator paths M_r,t of the arm in progress, `paths x T`.
  let pathSpend: UnsafeMutableBufferPointer<Double>
  /// G_r,t of the arm in progress, `paths x T`.
  let pathTerms: UnsafeMutableBufferPointer<Double>
  /// p_t, f_t and E_t of the arm in progress, T each.
  let onProbability: UnsafeMutableBufferPointer<Double>
  let amountFactor: UnsafeMutableBufferPointer<Double>
  let revenueFactor: UnsafeMutableBufferPointer<Double>
  /// w_t = y_obs,t exp(-beta_google H_obs,t), T.
  let revenueWeight: UnsafeMutableBufferPointer<Double>

  init(paths: Int, weeks: Int) {
    self.paths = paths
    self.weeks = weeks
    baseAmount = .zeros(paths * weeks)
    pathSpend = .zeros(paths * weeks)
    pathTerms = .zeros(paths * weeks)
    onProbability = .zeros(weeks)
    amountFactor = .zeros(weeks)
    revenueFactor = .zeros(weeks)
    revenueWeight = .zeros(weeks)
  }

  deinit {
    for buffer in [
      baseAmount, pathSpend, pathTerms, onProbability, amountFactor, revenueFactor,
      revenueWeight,
    ] {
      buffer.deallocate()
    }
  }

  /// Runs `MediatorPathPass` on all R paths with these base amounts and revenue weights and
  /// the arm's on-probabilities and factors (all `[T]`; usually this object's own), writing
  /// M_r,t into `pathSpend` and G_r,t into `terms` (`paths x T`).
  @inline(__always)
  func run(
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
