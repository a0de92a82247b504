/// The sums over a `paths x T` grid x_r,t (path-major) that the mediator paths report,
/// in the order of the scalar pass that ran one path at a time:
///
///     sum         = sum_r (sum_t x_r,t)
///     weightedSum = sum_r (sum_t x_r,t y_t)
///
/// each inner sum sequential in t from 0, the outer sequential in r from 0, so the results
/// are the scalar pass's numbers bit for bit given the same terms. The inner sums of eight
/// paths run side by side in the lanes of one accumulator (`PathGroups`).
///
/// - Complexity: O(R T); no allocation.
struct PathSums {
  var sum = 0.0
  var weightedSum = 0.0

  /// Both sums, with the per-week weights y_t of `factor` (T).
  @inline(__always)
  init(paths: Int, grid: UnsafeBufferPointer<Double>, factor: UnsafeBufferPointer<Double>) {
    precondition(paths > 0 && grid.count == paths * factor.count)
    guard let x = grid.baseAddress, let y = factor.baseAddress else { return }
    let weeks = factor.count
    PathGroups.forEach(paths: paths, weeks: weeks) { rows, valid in
      var partial = LaneMath.Lanes.zero
      var weightedPartial = LaneMath.Lanes.zero
      for t in 0..<weeks {
        let column = PathGroups.column(x, rows, week: t)
        partial += column
        weightedPartial += column * y[t]
      }
      for lane in 0..<valid {
        sum += partial[lane]
        weightedSum += weightedPartial[lane]
      }
    }
  }

  /// `sum` alone (`weightedSum` is left 0).
  @inline(__always)
  init(paths: Int, grid: UnsafeBufferPointer<Double>) {
    precondition(paths > 0 && grid.count % paths == 0)
    guard let x = grid.baseAddress else { return }
    let weeks = grid.count / paths
    PathGroups.forEach(paths: paths, weeks: weeks) { rows, valid in
      var partial = LaneMath.Lanes.zero
      for t in 0..<weeks { partial += PathGroups.column(x, rows, week: t) }
      for lane in 0..<valid { sum += partial[lane] }
    }
  }
}
