/// The plain-language convergence warnings of MODEL.md 7, worded once for every command
/// that reports them (`sample` at the end of a run, `summarize` when reading one back).
///
/// ```swift
/// let warnings = DiagnosticWarnings.make(
///   divergences: 3, draws: 4000, chains: 4, columns: columnDiagnostics,
///   nonFinite: [], eBFMI: [(chain: 1, value: 0.21)], treeDepthHits: 0, maxDepth: 10)
/// ```
///
/// Thresholds: any divergence; R-hat above 1.01; bulk or tail ESS below 400; E-BFMI below
/// 0.3 in a chain; any transition at the maximum tree depth; any non-finite draw of a
/// quantity. Undefined diagnostics are reported on their own, never folded into a roll-up:
/// R-hat needs two or more chains (one chain gets a note that mixing across chains was not
/// checked), and a column whose R-hat or ESS is undefined for another reason (constant
/// draws) is counted and named. Empty when none applies.
public enum DiagnosticWarnings {
  /// R-hat above this signals chains that have not mixed.
  public static let rHatThreshold = 1.01
  /// Bulk or tail ESS below this makes intervals imprecise.
  public static let essThreshold = 400.0
  /// E-BFMI below this signals poor exploration of the energy.
  public static let eBFMIThreshold = 0.3
  /// At most this many quantities are named in the non-finite warning; the rest are counted.
  static let namedNonFiniteQuantities = 8

  /// - Parameters:
  ///   - divergences: divergent transitions after warm-up, all chains.
  ///   - draws: kept draws, all chains.
  ///   - chains: number of chains.
  ///   - columns: per-column R-hat and ESS of the quantities judged.
  ///   - nonFinite: quantities with draws that are ±inf or NaN, with their counts (of
  ///     `draws`), in column order; empty for a healthy run.
  ///   - eBFMI: E-BFMI per chain, with the chain's 1-based number.
  ///   - treeDepthHits: kept transitions whose tree reached `maxDepth`.
  public static func make(
    divergences: Int, draws: Int, chains: Int, columns: [ColumnDiagnostics],
    nonFinite: [NonFiniteColumn], eBFMI: [(chain: Int, value: Double)],
    treeDepthHits: Int, maxDepth: Int
  ) -> [String] {
    var warnings: [String] = []
    if divergences > 0 {
      let share = 100 * Double(divergences) / Double(max(draws, 1))
      warnings.append(
        "\(divergences) of \(draws) transitions diverged (\(formatted(share, 2))%): the posterior "
          + "has regions the sampler cannot explore; results may be biased. Raise "
          + "--target-accept (e.g. 0.95) or tighten the priors of weakly identified parameters.")
    }
    if let nonFiniteWarning = nonFiniteWarning(nonFinite, draws: draws) {
      warnings.append(nonFiniteWarning)
    }
    // Columns with non-finite draws have undefined diagnostics; the warning above covers them.
    let judged = columns.filter { $0.nonFiniteDraws == 0 }
    warnings += rHatWarnings(judged, chains: chains)
    let lowESS = judged.filter { min($0.essBulk, $0.essTail) < essThreshold }
    if !lowESS.isEmpty {
      warnings.append(
        "ESS below 400 for \(lowESS.count) parameter(s) (lowest bulk "
          + "\(formatted(worst(judged.map(\.essBulk), min), 0)), "
          + "tail \(formatted(worst(judged.map(\.essTail), min), 0))): intervals are less "
          + "precise than they look; draw more.")
    }
    let undefinedESS = judged.filter { $0.essBulk.isNaN || $0.essTail.isNaN }
    if !undefinedESS.isEmpty {
      warnings.append(
        "ESS undefined for \(undefinedESS.count) column(s) (first: \(undefinedESS[0].name)): "
          + "their draws are constant or too few; check that they are meant to be.")
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

  /// R-hat above the threshold, and R-hat undefined: for every column when there is one
  /// chain (a note, since split R-hat across chains needs two), else for constant columns.
  private static func rHatWarnings(_ columns: [ColumnDiagnostics], chains: Int) -> [String] {
    guard !columns.isEmpty else { return [] }
    guard chains >= 2 else {
      return [
        "R-hat needs 2 or more chains; with 1 chain, whether chains agree was not checked. "
          + "Run --chains 4 before relying on the results."
      ]
    }
    var warnings: [String] = []
    let badRHat = columns.filter { $0.rHat > rHatThreshold }
    if let worstColumn = badRHat.max(by: { $0.rHat < $1.rHat }) {
      warnings.append(
        "R-hat above 1.01 for \(badRHat.count) parameter(s) (worst \(worstColumn.name) at "
          + "\(formatted(worstColumn.rHat, 3))): chains disagree; run longer or check the model.")
    }
    let undefined = columns.filter { $0.rHat.isNaN }
    if !undefined.isEmpty {
      warnings.append(
        "R-hat undefined for \(undefined.count) column(s) (first: \(undefined[0].name)): "
          + "their draws are constant or too few; check that they are meant to be.")
    }
    return warnings
  }

  /// One warning naming the quantities with non-finite draws and how many of `draws` each
  /// has; nil when there are none.
  static func nonFiniteWarning(_ nonFinite: [NonFiniteColumn], draws: Int) -> String? {
    guard !nonFinite.isEmpty else { return nil }
    let named = nonFinite.prefix(namedNonFiniteQuantities).map { "\($0.name) \($0.count)" }
    let rest = nonFinite.count - named.count
    return "\(nonFinite.count) quantit\(nonFinite.count == 1 ? "y has" : "ies have") draws "
      + "that are not finite (inf or NaN), of \(draws) draws: " + named.joined(separator: ", ")
      + (rest > 0 ? " and \(rest) more" : "")
      + ". Their summaries use the finite draws only and are not reliable; this is "
      + "overflow, usually from very wide priors: tighten them."
  }

  /// The worst finite value of `values` by `pick` (max or min); NaN when none is finite.
  /// Undefined (NaN) diagnostics are reported by their own warnings, so a roll-up never
  /// lets one hide the worst defined value, nor names a column other than its own.
  public static func worst(_ values: [Double], _ pick: (Double, Double) -> Double) -> Double {
    let defined = values.filter { !$0.isNaN }
    guard let first = defined.first else { return .nan }
    return defined.dropFirst().reduce(first, pick)
  }
}
