/// The rows of a chain's generated quantities (effects, pointwise log likelihood): one row
/// of `width` values per kept draw, computed from that draw's constrained parameters.
///
/// ```swift
/// let rows = GeneratedQuantityRows.table(
///   constrainedDraws: chain, dimension: model.dimension, width: 3, cancel: flag
/// ) { parameters, rows in rows += [parameters[0], parameters[1], 0] }
/// ```
///
/// Invariant: the result holds `drawCount x width` values, row-major. Once `cancel` is set
/// (checked before every draw) the remaining rows are NaN: the run is cancelled and its
/// tables are never written.
enum GeneratedQuantityRows {
  /// - Parameters:
  ///   - constrainedDraws: `drawCount x dimension` constrained values, row-major.
  ///   - appendRow: appends exactly `width` values for one draw's parameters.
  static func table(
    constrainedDraws: [Double], dimension: Int, width: Int, cancel: CancellationFlag?,
    appendRow: ([Double], inout [Double]) -> Void
  ) -> [Double] {
    let drawCount = dimension == 0 ? 0 : constrainedDraws.count / dimension
    var rows: [Double] = []
    rows.reserveCapacity(drawCount * width)
    for draw in 0..<drawCount {
      if cancel?.isCancelled == true {
        rows += repeatElement(.nan, count: (drawCount - draw) * width)
        break
      }
      appendRow(Array(constrainedDraws[draw * dimension..<(draw + 1) * dimension]), &rows)
    }
    return rows
  }
}
