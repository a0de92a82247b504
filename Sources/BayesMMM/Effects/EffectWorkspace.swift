/// Buffers the effects of one draw are computed in, allocated once and reused across draws:
/// the path pass's own (`arm`, shared by every arm in turn) and what the effects keep
/// between arms.
///
/// Invariant: owned by one chain (one thread) at a time, like its `GSLRandom`.
public final class EffectWorkspace {
  /// Mediator paths R and weeks T it was made for.
  public var paths: Int { arm.paths }
  public var weeks: Int { arm.weeks }
  /// The base amounts, revenue weights, factors, paths and terms of the arm in progress.
  let arm: MediatorPathBuffers
  /// G_r,t of the observed-arm paths, `paths x T`.
  let observedTerms: UnsafeMutableBufferPointer<Double>
  /// p_t of the observed arm, T.
  let observedOnProbability: UnsafeMutableBufferPointer<Double>
  /// All ones: the observed arm's factors, T.
  let ones: UnsafeMutableBufferPointer<Double>
  /// The arm's social signal h'_s,t and its predictor shifts (`PlanShift`), T each.
  let channelSignal: UnsafeMutableBufferPointer<Double>
  let onOffShift: UnsafeMutableBufferPointer<Double>
  let amountShift: UnsafeMutableBufferPointer<Double>
  let revenueShift: UnsafeMutableBufferPointer<Double>

  public init(paths: Int, weeks: Int) {
    arm = MediatorPathBuffers(paths: paths, weeks: weeks)
    observedTerms = .zeros(paths * weeks)
    observedOnProbability = .zeros(weeks)
    ones = .allocate(capacity: weeks)
    ones.initialize(repeating: 1)
    channelSignal = .zeros(weeks)
    onOffShift = .zeros(weeks)
    amountShift = .zeros(weeks)
    revenueShift = .zeros(weeks)
  }

  deinit {
    for pointer in [
      observedTerms, observedOnProbability, ones, channelSignal, onOffShift, amountShift,
      revenueShift,
    ] {
      pointer.deallocate()
    }
  }
}
