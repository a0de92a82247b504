/// The convergence verdict of a run (MODEL.md 7): per-parameter R-hat and ESS, per-chain
/// divergences, tree-depth saturation, E-BFMI, step size and acceptance, with warnings at
/// R-hat > 1.01, ESS < 400, any divergence, E-BFMI < 0.3 and any tree-depth hit.
public struct RunDiagnostics: Sendable {
  public struct Chain: Sendable {
    public let chain: Int
    public let divergences: Int
    public let warmupDivergences: Int
    public let treeDepthHits: Int
    public let eBFMI: Double
    public let stepSize: Double
    public let meanAcceptStat: Double
    public let leapfrogSteps: Int
    public let gradientEvaluations: Int
    public let wallTime: Double
  }

  public let parameters: [ColumnDiagnostics]
  /// Every column of the table (parameters and effects) with non-finite draws, in order.
  public let nonFinite: [NonFiniteColumn]
  public let chains: [Chain]
  public let maxDepth: Int
  public let draws: Int

  /// Diagnoses the first `parameterCount` columns of `table` (and counts the non-finite
  /// draws of all its columns) on `threads` threads, one column at a time per thread; each
  /// column's figures depend on its draws only, so they are the same for any `threads`.
  public init(
    table: DrawTable, parameterCount: Int, chains results: [ChainResult], maxDepth: Int,
    threads: Int = 1
  ) {
    parameters = ParallelWork.map(count: parameterCount, threads: threads) {
      ColumnDiagnostics(name: table.columns[$0], draws: table.column($0))
    }
    nonFinite = NonFiniteColumn.all(in: table)
    let energy = results.map(\.statistics.energy)
    let bfmi = Diagnostics.eBFMI(energy: energy)
    chains = results.enumerated().map { index, result in
      let accept = result.statistics.acceptStat
      return Chain(
        chain: result.chain + 1, divergences: result.statistics.divergences,
        warmupDivergences: result.warmupDivergences,
        treeDepthHits: result.maxDepthSaturations(maxDepth: maxDepth),
        eBFMI: index < bfmi.count ? bfmi[index] : .nan, stepSize: result.stepSize,
        meanAcceptStat: accept.isEmpty ? .nan : accept.reduce(0, +) / Double(accept.count),
        leapfrogSteps: result.statistics.leapfrogSteps.reduce(0, +),
        gradientEvaluations: result.gradientEvaluations, wallTime: result.wallTime)
    }
    self.maxDepth = maxDepth
    draws = results.reduce(0) { $0 + $1.drawCount }
  }

  public var divergences: Int { chains.reduce(0) { $0 + $1.divergences } }
  public var treeDepthHits: Int { chains.reduce(0) { $0 + $1.treeDepthHits } }
  public var maxRHat: Double { Self.worst(parameters.map(\.rHat), max) }
  public var minESSBulk: Double { Self.worst(parameters.map(\.essBulk), min) }
  public var minESSTail: Double { Self.worst(parameters.map(\.essTail), min) }
  public var minEBFMI: Double { Self.worst(chains.map(\.eBFMI), min) }

  /// Plain-language warnings (`DiagnosticWarnings`); empty when the run looks healthy.
  public var warnings: [String] {
    DiagnosticWarnings.make(
      divergences: divergences, draws: draws, chains: chains.count, columns: parameters,
      nonFinite: nonFinite,
      eBFMI: chains.map { (chain: $0.chain, value: $0.eBFMI) }, treeDepthHits: treeDepthHits,
      maxDepth: maxDepth)
  }

  /// One-line verdict for the end of `sample`.
  public var verdict: String {
    warnings.isEmpty
      ? "no divergences, max R-hat \(formatted(maxRHat, 3)), min ESS bulk "
        + "\(formatted(minESSBulk, 0)) / tail \(formatted(minESSTail, 0)): the run looks healthy"
      : "\(warnings.count) warning(s); see below"
  }

  var json: JSONValue {
    [
      "divergences": .number(Double(divergences)),
      "tree_depth_hits": .number(Double(treeDepthHits)),
      "max_depth": .number(Double(maxDepth)),
      "max_r_hat": .number(maxRHat),
      "min_ess_bulk": .number(minESSBulk),
      "min_ess_tail": .number(minESSTail),
      "min_e_bfmi": .number(minEBFMI),
      "non_finite_draws": .array(nonFinite.map(\.json)),
      "warnings": .array(warnings.map { .string($0) }),
      "chains": .array(
        chains.map { chain in
          [
            "chain": .number(Double(chain.chain)),
            "divergences": .number(Double(chain.divergences)),
            "warmup_divergences": .number(Double(chain.warmupDivergences)),
            "tree_depth_hits": .number(Double(chain.treeDepthHits)),
            "e_bfmi": .number(chain.eBFMI), "step_size": .number(chain.stepSize),
            "mean_accept_stat": .number(chain.meanAcceptStat),
            "leapfrog_steps": .number(Double(chain.leapfrogSteps)),
            "gradient_evaluations": .number(Double(chain.gradientEvaluations)),
            "seconds": .number(chain.wallTime),
          ]
        }),
      "parameters": .array(parameters.map(\.json)),
    ]
  }

  private static func worst(_ values: [Double], _ pick: (Double, Double) -> Double) -> Double {
    DiagnosticWarnings.worst(values, pick)
  }
}
