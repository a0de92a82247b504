/// The log density's channels with geometric adstock, eight to a group, so that each
/// group's adstock and its sensitivity to lambda come from one recursion over the weeks
/// with one channel per lane (`GeometricAdstock.applyAcrossLanes`).
///
/// ```swift
/// let groups = GeometricAdstockGroups(spend: spend, stride: T, weeks: fitted,
///                                     channels: [0, 1, 2, 3, 4], decayIndices: [...])
/// groups.apply(values: constrained, adstock: channelAdstock, decaySensitivity: ...)
/// ```
///
/// Invariant: the spend is data, copied week-major at `init`. A group of fewer than eight
/// channels repeats its last channel in the remaining lanes (spend, lambda and output row),
/// as `PathGroups` pads its groups, so every group runs the same eight-lane loop and a
/// repeated lane writes the values its original writes.
final class GeometricAdstockGroups {
  /// Number of groups, ceil(channels / 8).
  let count: Int
  /// Weeks of each series (the fitted weeks).
  private let weeks: Int
  /// Week-major spend of each group, `count x weeks x 8`.
  private let spendByWeek: UnsafeMutableBufferPointer<Double>
  /// Each group's output row offsets (`channel x stride`), one per lane.
  private let rows: [PathGroups.Offsets]
  /// Each lane's lambda index in the constrained vector, `count x 8`.
  private let decayIndices: [Int]

  /// - Parameters:
  ///   - spend: every channel's spend, channel-major with row stride `stride`.
  ///   - weeks: the weeks to transform, from week 0 (at most `stride`).
  ///   - channels: the geometric channels, in any order; `decayIndices[i]` is channel i's
  ///     lambda index.
  init(
    spend: UnsafePointer<Double>, stride: Int, weeks: Int, channels: [Int], decayIndices: [Int]
  ) {
    let lanes = LaneMath.Lanes.scalarCount
    self.weeks = weeks
    count = (channels.count + lanes - 1) / lanes
    spendByWeek = .zeros(count * weeks * lanes)
    var rows = [PathGroups.Offsets](repeating: .zero, count: count)
    var indices = [Int](repeating: 0, count: count * lanes)
    for group in 0..<count {
      for lane in 0..<lanes {
        let i = min(group * lanes + lane, channels.count - 1)
        let channel = channels[i]
        rows[group][lane] = channel * stride
        indices[group * lanes + lane] = decayIndices[i]
        for t in 0..<weeks {
          spendByWeek[(group * weeks + t) * lanes + lane] = spend[channel * stride + t]
        }
      }
    }
    self.rows = rows
    self.decayIndices = indices
  }

  deinit { spendByWeek.deallocate() }

  /// Writes a_t and da_t/dlambda of every grouped channel into its row of `adstock` and
  /// `decaySensitivity`, with lambda read from `values` (the constrained vector).
  @inline(__always)
  func apply(
    values: UnsafeMutableBufferPointer<Double>, adstock: UnsafeMutablePointer<Double>,
    decaySensitivity: UnsafeMutablePointer<Double>
  ) {
    let lanes = LaneMath.Lanes.scalarCount
    guard let spend = spendByWeek.baseAddress else { return }
    for group in 0..<count {
      var decay = LaneMath.Lanes.zero
      for lane in 0..<lanes { decay[lane] = values[decayIndices[group * lanes + lane]] }
      GeometricAdstock.applyAcrossLanes(
        spendByWeek: spend + group * weeks * lanes, weeks: weeks, decay: decay,
        rows: rows[group], adstock: adstock, decaySensitivity: decaySensitivity)
    }
  }
}
