/// Posterior draws of named columns, per chain: the content of the chain CSV files after the
/// sampler statistics.
///
/// Invariant: every chain holds `drawCount * columns.count` values, row-major (draw k is
/// `values[chain][k * width ..< (k + 1) * width]`).
public struct DrawTable: Sendable, Equatable {
  public let columns: [String]
  public let values: [[Double]]

  public init(columns: [String], values: [[Double]]) {
    self.columns = columns
    self.values = values
  }

  public var width: Int { columns.count }
  public var chainCount: Int { values.count }
  public var drawCount: Int { values.first.map { width == 0 ? 0 : $0.count / width } ?? 0 }

  /// One column as chains x draws, the layout the diagnostics take.
  public func column(_ index: Int) -> [[Double]] {
    values.map { chain in
      stride(from: index, to: chain.count, by: width).map { chain[$0] }
    }
  }

  /// One column by name, nil when absent.
  public func column(named name: String) -> [[Double]]? {
    columns.firstIndex(of: name).map { column($0) }
  }

  /// Every draw's values of the columns `names`, in that order, pooled in chain order (as
  /// `az.from_cmdstan` stacks them); nil when a column is absent.
  public func parameterRows(_ names: [String]) -> [[Double]]? {
    var indices: [Int] = []
    for name in names {
      guard let index = columns.firstIndex(of: name) else { return nil }
      indices.append(index)
    }
    var rows: [[Double]] = []
    rows.reserveCapacity(chainCount * drawCount)
    for chain in values {
      for draw in 0..<drawCount { rows.append(indices.map { chain[draw * width + $0] }) }
    }
    return rows
  }

  /// The columns whose names `keep` accepts, in their order (e.g. the quantities without
  /// the log-likelihood columns).
  public func selectingColumns(where keep: (String) -> Bool) -> DrawTable {
    let kept = columns.indices.filter { keep(columns[$0]) }
    guard kept.count < width else { return self }
    let values = values.map { chain in
      var selected: [Double] = []
      selected.reserveCapacity(drawCount * kept.count)
      for draw in 0..<drawCount {
        for index in kept { selected.append(chain[draw * width + index]) }
      }
      return selected
    }
    return DrawTable(columns: kept.map { columns[$0] }, values: values)
  }
}

extension DrawTable {
  /// This table with more columns to the right of every draw (e.g. generated quantities).
  /// - Parameter values: per chain, `drawCount x columns.count` values, row-major.
  public func appendingColumns(_ names: [String], values extra: [[Double]]) -> DrawTable {
    precondition(extra.count == chainCount, "one block of extra columns per chain")
    let extraWidth = names.count
    let merged = zip(values, extra).map { chain, added in
      var row: [Double] = []
      row.reserveCapacity(chain.count + added.count)
      let draws = width == 0 ? 0 : chain.count / width
      precondition(added.count == draws * extraWidth, "extra columns for every draw")
      for draw in 0..<draws {
        row.append(contentsOf: chain[draw * width..<(draw + 1) * width])
        row.append(contentsOf: added[draw * extraWidth..<(draw + 1) * extraWidth])
      }
      return row
    }
    return DrawTable(columns: columns + names, values: merged)
  }
}
