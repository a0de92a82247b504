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
  public static func all(in table: DrawTable) -> [NonFiniteColumn] {
    table.columns.indices.compactMap { index in
      let count = Diagnostics.nonFiniteCount(table.column(index))
      return count > 0 ? NonFiniteColumn(name: table.columns[index], count: count) : nil
    }
  }

  /// `{"column", "count"}`.
  var json: JSONValue { ["column": .string(name), "count": .number(Double(count))] }
}
