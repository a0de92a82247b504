/// The convergence verdict of a stored run, recomputed from its chain files: divergences,
/// tree-depth hits, E-BFMI per chain, the worst R-hat and ESS over the model's parameters
/// (the columns `sample` judges), non-finite draws over every summarised column (effects
/// too; not the log-likelihood columns, which `loo` judges by their Pareto k), and the
/// warnings of MODEL.md 7 in `DiagnosticWarnings`' words, so `summarize` and `sample` say
/// the same about the same run.
public struct DiagnosticsSummary: Sendable, Equatable {
  public let chains: Int
  /// Kept draws, all chains.
  public let draws: Int
  /// Divergent transitions after warm-up (`divergent__`), all chains.
  public let divergences: Int
  /// Draws whose tree reached the maximum depth (`treedepth__ >= maxDepth`).
  public let treeDepthHits: Int
  public let maxDepth: Int
  /// E-BFMI per chain (from `energy__`); below 0.3 is a warning.
  public let eBFMI: [Double]
  /// The largest defined R-hat over the columns and its column (NaN and nil when none is
  /// defined); undefined ones are counted in `warnings`.
  public let maxRHat: Double
  public let maxRHatColumn: String?
  /// The smallest bulk and tail ESS over the columns.
  public let minESSBulk: Double
  public let minESSTail: Double
  /// Columns with draws that are ±inf or NaN and how many, in column order.
  public let nonFinite: [NonFiniteColumn]
  /// Plain-language warnings; empty when the run looks healthy.
  public let warnings: [String]

  /// - Parameters:
  ///   - statistics: the sampler statistics per chain (`lp__` ... `energy__`).
  ///   - columns: diagnostics of the columns judged for R-hat and ESS (the parameters).
  ///   - allColumns: every column, for the non-finite count; `columns` when nil.
  public init(
    statistics: DrawTable, columns: [ColumnDiagnostics], allColumns: [ColumnDiagnostics]? = nil,
    maxDepth: Int
  ) {
    chains = statistics.chainCount
    draws = statistics.chainCount * statistics.drawCount
    let divergent = statistics.column(named: "divergent__") ?? []
    divergences = divergent.reduce(0) { $0 + $1.filter { $0 != 0 }.count }
    let depth = statistics.column(named: "treedepth__") ?? []
    treeDepthHits = depth.reduce(0) { $0 + $1.filter { $0 >= Double(maxDepth) }.count }
    self.maxDepth = maxDepth
    eBFMI = Diagnostics.eBFMI(energy: statistics.column(named: "energy__") ?? [])
    maxRHat = DiagnosticWarnings.worst(columns.map(\.rHat), max)
    maxRHatColumn = columns.filter { !$0.rHat.isNaN }.max { $0.rHat < $1.rHat }?.name
    nonFinite = (allColumns ?? columns).filter { $0.nonFiniteDraws > 0 }.map {
      NonFiniteColumn(name: $0.name, count: $0.nonFiniteDraws)
    }
    minESSBulk = DiagnosticWarnings.worst(columns.map(\.essBulk), min)
    minESSTail = DiagnosticWarnings.worst(columns.map(\.essTail), min)
    warnings = DiagnosticWarnings.make(
      divergences: divergences, draws: draws, chains: chains, columns: columns,
      nonFinite: nonFinite,
      eBFMI: eBFMI.enumerated().map { (chain: $0.offset + 1, value: $0.element) },
      treeDepthHits: treeDepthHits, maxDepth: maxDepth)
  }

  var json: JSONValue {
    [
      "chains": .number(Double(chains)), "draws": .number(Double(draws)),
      "divergences": .number(Double(divergences)),
      "tree_depth_hits": .number(Double(treeDepthHits)), "max_depth": .number(Double(maxDepth)),
      "e_bfmi": .array(eBFMI.map { .number($0) }), "max_r_hat": .number(maxRHat),
      "max_r_hat_column": maxRHatColumn.map { .string($0) } ?? .null,
      "min_ess_bulk": .number(minESSBulk), "min_ess_tail": .number(minESSTail),
      "non_finite_draws": .array(nonFinite.map(\.json)),
      "warnings": .array(warnings.map { .string($0) }),
    ]
  }
}
