extension GeometricAdstock {
  /// The adstock a_t and its sensitivity s_t = da_t / dlambda of eight series at once, one
  /// series per lane, with the one-step recursions of `apply(spend:decay:adstock:
  /// decaySensitivity:)`:
  ///
  ///     a_t = lambda a_{t-1} + (1 - lambda) x_t,   s_t = a_{t-1} + lambda s_{t-1} - x_t
  ///
  /// Each lane's arithmetic is that of `apply(spend:decay:adstock:)` operation for
  /// operation, so its a_t equal that function's to the bit. The recursion's chain of
  /// dependent multiply-adds is then shared by eight channels, where one series at a time
  /// pays it per channel.
  ///
  /// - Parameters:
  ///   - spendByWeek: x of the eight series week-major, `weeks x 8` (lane l of week t at
  ///     `t * 8 + l`).
  ///   - decay: lambda per lane, in (0, 1).
  ///   - rows: the output row of each lane in `adstock` and `decaySensitivity` (week t of
  ///     lane l goes to `adstock[rows[l] + t]`, stored by `PathGroups.store`). Lanes that
  ///     repeat a series (same spend, decay and row, as `PathGroups` pads a group) store
  ///     the very values of the lane they repeat.
  /// - Complexity: O(weeks), eight scalar stores per output and week; no allocation.
  @inline(__always)
  static func applyAcrossLanes(
    spendByWeek: UnsafePointer<Double>, weeks: Int, decay lambda: LaneMath.Lanes,
    rows: PathGroups.Offsets, adstock: UnsafeMutablePointer<Double>,
    decaySensitivity: UnsafeMutablePointer<Double>
  ) {
    let carry = 1 - lambda
    var previous = LaneMath.Lanes.zero
    var previousSensitivity = LaneMath.Lanes.zero
    let lanes = LaneMath.Lanes.scalarCount
    for t in 0..<weeks {
      let x = UnsafeRawPointer(spendByWeek + t * lanes).loadUnaligned(as: LaneMath.Lanes.self)
      let value = lambda * previous + carry * x
      let sensitivity = previous + lambda * previousSensitivity - x
      PathGroups.store(value, to: adstock, rows, week: t)
      PathGroups.store(sensitivity, to: decaySensitivity, rows, week: t)
      previous = value
      previousSensitivity = sensitivity
    }
  }
}
