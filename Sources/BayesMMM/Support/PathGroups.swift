/// Groups of eight consecutive series of a `paths x T` grid (path-major), one series per
/// lane of a `LaneMath.Lanes`, for loops that run week by week along many paths at once.
///
/// A recursion or sum along one series is a chain of dependent operations the processor
/// cannot overlap; eight series in the lanes of one register advance together, one vector
/// operation per week, each lane doing exactly the scalar operations of its own series.
/// The lanes past the last series repeat it (so loads and stores stay inside the grid and a
/// repeated lane stores the very value its original stores).
enum PathGroups {
  /// Where the series of a group start in the grid (row offsets), one per lane.
  typealias Offsets = SIMD8<Int>

  /// Calls `body` with each group's offsets, groups in series order, and the number of
  /// series (1 ... 8) the group holds.
  @inline(__always)
  static func forEach(paths: Int, weeks: Int, _ body: (Offsets, Int) -> Void) {
    let width = LaneMath.Lanes.scalarCount
    for first in stride(from: 0, to: paths, by: width) {
      var offsets = Offsets.zero
      for lane in 0..<width { offsets[lane] = min(first + lane, paths - 1) * weeks }
      body(offsets, min(width, paths - first))
    }
  }

  /// Week t of each series of a group.
  @inline(__always)
  static func column(
    _ grid: UnsafePointer<Double>, _ offsets: Offsets, week t: Int
  ) -> LaneMath.Lanes {
    LaneMath.Lanes(
      grid[offsets[0] + t], grid[offsets[1] + t], grid[offsets[2] + t], grid[offsets[3] + t],
      grid[offsets[4] + t], grid[offsets[5] + t], grid[offsets[6] + t], grid[offsets[7] + t])
  }

  /// Writes week t of each series of a group.
  @inline(__always)
  static func store(
    _ values: LaneMath.Lanes, to grid: UnsafeMutablePointer<Double>, _ offsets: Offsets,
    week t: Int
  ) {
    for lane in 0..<LaneMath.Lanes.scalarCount { grid[offsets[lane] + t] = values[lane] }
  }
}
