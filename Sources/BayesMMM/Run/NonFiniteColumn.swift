/// A column of a run's draws with draws that are ±inf or NaN (an effect that overflowed),
/// and how many: counted and reported by `sample` and `summarize`, never averaged silently.
public struct NonFiniteColumn: Sendable, Equatable {
  public let name: String
  /// Non-finite draws, all chains.
  public let count: Int

  public init(name: String, count: Int) {
    self.name = name
    self.count = count
  }

  /// Every column of `table` with non-finite draws, in column order.
  ///
  /// - Complexity: one pass over the values, row-major as they are stored (no column is
  ///   gathered: a run's table has hundreds of effect and log-likelihood columns).
  public static func all(in table: DrawTable) -> [NonFiniteColumn] {
    guard table.width > 0 else { return [] }
    var counts = [Int](repeating: 0, count: table.width)
    for chain in table.values {
      for (offset, value) in chain.enumerated() where !value.isFinite {
        counts[offset % table.width] += 1
      }
    }
    return table.columns.indices.compactMap { index in
      counts[index] > 0 ? NonFiniteColumn(name: table.columns[index], count: counts[index]) : nil
    }
  }

  /// `{"column", "count"}`.
  var json: JSONValue { ["column": .string(name), "count": .number(Double(count))] }
}
