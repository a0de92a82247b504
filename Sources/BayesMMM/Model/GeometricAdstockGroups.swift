/// The log density's channels with geometric adstock, eight to a group, so that each
/// group's adstock and its sensitivity to lambda come from one recursion over the weeks
/// with one channel per lane (`GeometricAdstock.applyAcrossLanes`).
///
/// ```swift
/// let groups = GeometricAdstockGroups(spend: spend, stride: T, weeks: fitted,
///                                     channels: [0, 1, 2, 3, 4], decayIndices: [...],
///                                     scratchRow: 7 * T)
/// groups.apply(values: constrained, adstock: channelAdstock, decaySensitivity: ...)
/// ```
///
/// Invariant: the spend is data, copied week-major at `init`; lanes past a group's
/// channels have zero spend and write to `scratchRow`, so every group runs the same
/// eight-lane loop.
final class GeometricAdstockGroups {
  /// Number of groups, ceil(channels / 8).
  let count: Int
  /// Weeks of each series (the fitted weeks).
  private let weeks: Int
  /// Week-major spend of each group, `count x weeks x 8`.
  private let spendByWeek: UnsafeMutableBufferPointer<Double>
  /// Each lane's output row offset, `count x 8`: the channel's row (`channel x stride`) or
  /// the scratch row.
  private let rows: UnsafeMutableBufferPointer<Int>
  /// Each lane's lambda index in the constrained vector, `count x 8`; -1 for unused lanes.
  private let decayIndices: [Int]

  /// - Parameters:
  ///   - spend: every channel's spend, channel-major with row stride `stride`.
  ///   - weeks: the weeks to transform, from week 0 (at most `stride`).
  ///   - channels: the geometric channels, in any order; `decayIndices[i]` is channel i's
  ///     lambda index.
  ///   - scratchRow: the offset of a row of at least `weeks` doubles that unused lanes
  ///     overwrite.
  init(
    spend: UnsafePointer<Double>, stride: Int, weeks: Int, channels: [Int], decayIndices: [Int],
    scratchRow: Int
  ) {
    let lanes = LaneMath.Lanes.scalarCount
    self.weeks = weeks
    count = (channels.count + lanes - 1) / lanes
    spendByWeek = .zeros(count * weeks * lanes)
    rows = .allocate(capacity: max(1, count * lanes))
    rows.initialize(repeating: scratchRow)
    var indices = [Int](repeating: -1, count: count * lanes)
    for (i, channel) in channels.enumerated() {
      let (group, lane) = i.quotientAndRemainder(dividingBy: lanes)
      rows[group * lanes + lane] = channel * stride
      indices[group * lanes + lane] = decayIndices[i]
      for t in 0..<weeks {
        spendByWeek[(group * weeks + t) * lanes + lane] = spend[channel * stride + t]
      }
    }
    self.decayIndices = indices
  }

  deinit {
    spendByWeek.deallocate()
    rows.deallocate()
  }

  /// Writes a_t and da_t/dlambda of every grouped channel into its row of `adstock` and
  /// `decaySensitivity`, with lambda read from `values` (the constrained vector).
  @inline(__always)
  func apply(
    values: UnsafeMutableBufferPointer<Double>, adstock: UnsafeMutablePointer<Double>,
    decaySensitivity: UnsafeMutablePointer<Double>
  ) {
    let lanes = LaneMath.Lanes.scalarCount
    guard let spend = spendByWeek.baseAddress, let rows = rows.baseAddress else { return }
    for group in 0..<count {
      var decay = LaneMath.Lanes(repeating: 0.5)
      for lane in 0..<lanes {
        let index = decayIndices[group * lanes + lane]
        if index >= 0 { decay[lane] = values[index] }
      }
      GeometricAdstock.applyAcrossLanes(
        spendByWeek: spend + group * weeks * lanes, weeks: weeks, decay: decay,
        rows: rows + group * lanes, adstock: adstock, decaySensitivity: decaySensitivity)
    }
  }
}
