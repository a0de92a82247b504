/// The plain-language convergence warnings of MODEL.md 7, worded once for every command
/// that reports them (`sample` at the end of a run, `summarize` when reading one back).
///
/// ```swift
/// let warnings = DiagnosticWarnings.make(
///   divergences: 3, draws: 4000, columns: columnDiagnostics,
///   eBFMI: [(chain: 1, value: 0.21)], treeDepthHits: 0, maxDepth: 10)
/// ```
///
/// Thresholds: any divergence; R-hat above 1.01 (or undefined); bulk or tail ESS below 400
/// (or undefined); E-BFMI below 0.3 in a chain; any transition at the maximum tree depth.
/// Empty when none applies.
public enum DiagnosticWarnings {
  /// R-hat above this signals chains that have not mixed.
  public static let rHatThreshold = 1.01
  /// Bulk or tail ESS below this makes intervals imprecise.
  public static let essThreshold = 400.0
  /// E-BFMI below this signals poor exploration of the energy.
  public static let eBFMIThreshold = 0.3

  /// - Parameters:
  ///   - divergences: divergent transitions after warm-up, all chains.
  ///   - draws: kept draws, all chains.
  ///   - columns: per-column R-hat and ESS of the quantities judged.
  ///   - eBFMI: E-BFMI per chain, with the chain's 1-based number.
  ///   - treeDepthHits: kept transitions whose tree reached `maxDepth`.
  public static func make(
    divergences: Int, draws: Int, columns: [ColumnDiagnostics],
    eBFMI: [(chain: Int, value: Double)], treeDepthHits: Int, maxDepth: Int
  ) -> [String] {
    var warnings: [String] = []
    if divergences > 0 {
      let share = 100 * Double(divergences) / Double(max(draws, 1))
      warnings.append(
        "\(divergences) of \(draws) transitions diverged (\(formatted(share, 2))%): the posterior "
          + "has regions the sampler cannot explore; results may be biased. Raise "
          + "--target-accept (e.g. 0.95) or tighten the priors of weakly identified parameters.")
    }
    let badRHat = columns.filter { $0.rHat > rHatThreshold || $0.rHat.isNaN }
    if !badRHat.isEmpty {
      warnings.append(
        "R-hat above 1.01 for \(badRHat.count) parameter(s) (worst "
          + "\(worstName(badRHat, \.rHat, max)) at \(formatted(worst(columns.map(\.rHat), max), 3))"
          + "): chains disagree; run longer or check the model.")
    }
    let lowESS = columns.filter { min($0.essBulk, $0.essTail) < essThreshold || $0.essBulk.isNaN }
    if !lowESS.isEmpty {
      warnings.append(
        "ESS below 400 for \(lowESS.count) parameter(s) (lowest bulk "
          + "\(formatted(worst(columns.map(\.essBulk), min), 0)), "
          + "tail \(formatted(worst(columns.map(\.essTail), min), 0))): intervals are less "
          + "precise than they look; draw more.")
    }
    for chain in eBFMI where chain.value < eBFMIThreshold {
      warnings.append(
        "Chain \(chain.chain): E-BFMI \(formatted(chain.value, 2)) below 0.3: the momentum "
          + "resampling explores the energy poorly (heavy tails or funnels).")
    }
    if treeDepthHits > 0 {
      warnings.append(
        "\(treeDepthHits) transitions hit the maximum tree depth \(maxDepth): efficiency, not "
          + "validity, is at stake; consider --max-depth \(maxDepth + 2).")
    }
    return warnings
  }

  /// The worst of `values` by `pick` (max or min); NaN when any value is NaN or there is
  /// none, so an undefined diagnostic is never hidden behind a defined one.
  public static func worst(_ values: [Double], _ pick: (Double, Double) -> Double) -> Double {
    guard let first = values.first else { return .nan }
    return values.dropFirst().reduce(first) { $0.isNaN || $1.isNaN ? .nan : pick($0, $1) }
  }

  /// The name of the worst column of `list` by `key`, "-" for an empty list.
  static func worstName(
    _ list: [ColumnDiagnostics], _ key: KeyPath<ColumnDiagnostics, Double>,
    _ pick: (Double, Double) -> Double
  ) -> String {
    list.max { a, b in pick(a[keyPath: key], b[keyPath: key]) == a[keyPath: key] ? false : true }?
      .name ?? "-"
  }
}
