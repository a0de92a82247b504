import Foundation

/// The outcome equation's regressors as the audit sees them, before any media transform.
///
/// ```swift
/// let set = RegressorSet(data, seasonOrder: 2)
/// set.labels   // ["google_spend", "facebook_spend", ..., "log(average_price)", "promotions",
///              //  "trend", "season sin(1)", "season cos(1)", "season sin(2)", "season cos(2)"]
/// ```
///
/// Spend enters raw (adstock and Hill depend on parameters; raw spend is what the data can
/// show), price as log(price / median), trend as the week index scaled to [-0.5, 0.5], season
/// as sin and cos of 2 pi k w / (365.25 / 7) for the ISO week w, k = 1...order (MODEL.md 3.3).
/// Only weeks where no control is missing are used.
struct RegressorSet {
  let labels: [String]
  /// `values[regressor][week]`, restricted to complete weeks.
  let values: [[Double]]
  /// Number of weeks used.
  let weekCount: Int

  init(_ data: WeeklyDataset, seasonOrder: Int) {
    let complete = data.dates.indices.filter { week in
      !data.controls.contains { $0.missing[week] }
    }
    var labels: [String] = []
    var columns: [[Double]] = []
    func add(_ label: String, _ series: [Double]) {
      labels.append(label)
      columns.append(complete.map { series[$0] })
    }
    for (name, _, values) in data.spendChannels { add(name, values) }
    if let name = data.roles.price, let price = data.price, let median = data.scales.medianPrice {
      add("log(\(name))", price.map { log($0 / median) })
    }
    if let name = data.roles.promotion, let promotion = data.promotion { add(name, promotion) }
    for control in data.controls { add(control.name, control.values) }
    let lastIndex = Double(max(1, (data.weekIndex.last ?? 0)))
    add("trend", data.weekIndex.map { Double($0) / lastIndex - 0.5 })
    let period = 365.25 / 7
    for order in stride(from: 1, through: seasonOrder, by: 1) {
      let angles = data.isoWeekOfYear.map { 2 * Double.pi * Double(order) * Double($0) / period }
      add("season sin(\(order))", angles.map(sin))
      add("season cos(\(order))", angles.map(cos))
    }
    self.labels = labels
    values = columns
    weekCount = complete.count
  }

  /// Pairwise Pearson correlations (NaN where a regressor is constant over the weeks used).
  func correlationMatrix() -> [[Double]] {
    values.indices.map { i in
      values.indices.map { j in i == j ? 1 : Statistics.correlation(values[i], values[j]) }
    }
  }
}

/// Variance inflation factors from a correlation matrix.
///
/// VIF_j = 1 / (1 - R^2_j), where R^2_j is from regressing regressor j on all the others;
/// it equals the j-th diagonal entry of the inverse correlation matrix, computed here by
/// Gauss-Jordan elimination with partial pivoting (the matrices are at most a few dozen
/// rows). Returns `nil` when the matrix is singular to working precision (a pivot below
/// 1e-10): some regressors are exact linear combinations of others.
///
/// - Complexity: O(p^3) for p regressors.
enum VarianceInflation {
  static func factors(correlation: [[Double]]) -> [Double]? {
    let size = correlation.count
    guard correlation.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    var left = correlation
    var inverse = (0..<size).map { i in (0..<size).map { $0 == i ? 1.0 : 0.0 } }
    for column in 0..<size {
      guard let pivotRow = (column..<size).max(by: {
        abs(left[$0][column]) < abs(left[$1][column])
      }), abs(left[pivotRow][column]) > 1e-10
      else { return nil }
      left.swapAt(column, pivotRow)
      inverse.swapAt(column, pivotRow)
      let pivot = left[column][column]
      for k in 0..<size {
        left[column][k] /= pivot
        inverse[column][k] /= pivot
      }
      for row in 0..<size where row != column {
        let factor = left[row][column]
        guard factor != 0 else { continue }
        for k in 0..<size {
          left[row][k] -= factor * left[column][k]
          inverse[row][k] -= factor * inverse[column][k]
        }
      }
    }
    return (0..<size).map { inverse[$0][$0] }
  }
}
