/// Buffers the effects of one draw are computed in, allocated once and reused across draws.
///
/// Invariant: owned by one chain (one thread) at a time, like its `GSLRandom`.
public final class EffectWorkspace {
  /// Mediator paths R and weeks T it was made for.
  public let paths: Int
  public let weeks: Int
  /// A_r,t = exp(mu_m,t(observed) + sigma_m z_r,t), `paths x T`.
  let baseAmount: UnsafeMutableBufferPointer<Double>
  /// G_r,t of the observed-arm paths, `paths x T`.
  let observedTerms: UnsafeMutableBufferPointer<Double>
  /// G_t of the counterfactual path in progress, T.
  let scratchTerms: UnsafeMutableBufferPointer<Double>
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
  /// The mediator path M_t and its signal H_t of the pass in progress, T each.
  let pathSpend: UnsafeMutableBufferPointer<Double>
  let pathSignal: UnsafeMutableBufferPointer<Double>

  public init(paths: Int, weeks: Int) {
    self.paths = paths
    self.weeks = weeks
    func buffer(_ count: Int, _ value: Double = 0) -> UnsafeMutableBufferPointer<Double> {
      let pointer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
      pointer.initialize(repeating: value)
      return pointer
    }
    baseAmount = buffer(paths * weeks)
    observedTerms = buffer(paths * weeks)
    scratchTerms = buffer(weeks)
    observedOnProbability = buffer(weeks)
    onProbability = buffer(weeks)
    amountFactor = buffer(weeks)
    revenueFactor = buffer(weeks)
    ones = buffer(weeks, 1)
    revenueWeight = buffer(weeks)
    pathSpend = buffer(weeks)
    pathSignal = buffer(weeks)
  }

  deinit {
    for pointer in [
      baseAmount, observedTerms, scratchTerms, observedOnProbability, onProbability,
      amountFactor, revenueFactor, ones, revenueWeight, pathSpend, pathSignal,
    ] {
      pointer.deallocate()
    }
  }

  /// Path r's slice of a `paths x T` buffer.
  @inline(__always)
  func path(_ r: Int, of grid: UnsafeMutableBufferPointer<Double>) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(rebasing: grid[r * weeks..<(r + 1) * weeks])
  }

  /// Runs `MediatorPathPass` on path r with this draw's base amounts and revenue weights and
  /// the arm's on-probabilities and factors (all `[T]`), writing G_t into `terms`.
  @inline(__always)
  func runPath(
    _ r: Int, uniforms: UnsafeBufferPointer<Double>,
    onProbability: UnsafeMutableBufferPointer<Double>,
    amountFactor: UnsafeMutableBufferPointer<Double>,
    revenueFactor: UnsafeMutableBufferPointer<Double>, response: MediatorResponse,
    terms: UnsafeMutableBufferPointer<Double>
  ) -> MediatorPathPass.Totals {
    MediatorPathPass.run(
      uniforms: UnsafeBufferPointer(rebasing: uniforms[r * weeks..<(r + 1) * weeks]),
      onProbability: UnsafeBufferPointer(onProbability), baseAmount: path(r, of: baseAmount),
      amountFactor: UnsafeBufferPointer(amountFactor),
      revenueWeight: UnsafeBufferPointer(revenueWeight),
      revenueFactor: UnsafeBufferPointer(revenueFactor), response: response, path: pathSpend,
      signal: pathSignal, revenueTerms: terms)
  }
}
