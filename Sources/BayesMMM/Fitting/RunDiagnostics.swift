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
  public let chains: [Chain]
  public let maxDepth: Int
  public let draws: Int

  public init(table: DrawTable, parameterCount: Int, chains results: [ChainResult], maxDepth: Int) {
    parameters = (0..<parameterCount).map {
      ColumnDiagnostics(name: table.columns[$0], draws: table.column($0))
    }
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

  /// Plain-language warnings; empty when the run looks healthy.
  public var warnings: [String] {
    var warnings: [String] = []
    if divergences > 0 {
      let share = 100 * Double(divergences) / Double(max(draws, 1))
      warnings.append(
        "\(divergences) of \(draws) transitions diverged (\(formatted(share, 2))%): the posterior "
          + "has regions the sampler cannot explore; results may be biased. Raise "
          + "--target-accept (e.g. 0.95) or tighten the priors of weakly identified parameters.")
    }
    let badRHat = parameters.filter { $0.rHat > 1.01 || $0.rHat.isNaN }
    if !badRHat.isEmpty {
      warnings.append(
        "R-hat above 1.01 for \(badRHat.count) parameter(s) (worst \(worstName(badRHat, \.rHat, max)) "
          + "at \(formatted(maxRHat, 3))): chains disagree; run longer or check the model.")
    }
    let lowESS = parameters.filter { min($0.essBulk, $0.essTail) < 400 || $0.essBulk.isNaN }
    if !lowESS.isEmpty {
      warnings.append(
        "ESS below 400 for \(lowESS.count) parameter(s) (lowest bulk \(formatted(minESSBulk, 0)), "
          + "tail \(formatted(minESSTail, 0))): intervals are less precise than they look; "
          + "draw more.")
    }
    for chain in chains where chain.eBFMI < 0.3 {
      warnings.append(
        "Chain \(chain.chain): E-BFMI \(formatted(chain.eBFMI, 2)) below 0.3: the momentum "
          + "resampling explores the energy poorly (heavy tails or funnels).")
    }
    if treeDepthHits > 0 {
      warnings.append(
        "\(treeDepthHits) transitions hit the maximum tree depth \(maxDepth): efficiency, not "
          + "validity, is at stake; consider --max-depth \(maxDepth + 2).")
    }
    return warnings
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
    guard let first = values.first else { return .nan }
    return values.dropFirst().reduce(first) { $0.isNaN || $1.isNaN ? .nan : pick($0, $1) }
  }

  private func worstName(
    _ list: [ColumnDiagnostics], _ key: KeyPath<ColumnDiagnostics, Double>,
    _ pick: (Double, Double) -> Double
  ) -> String {
    list.max { a, b in pick(a[keyPath: key], b[keyPath: key]) == a[keyPath: key] ? false : true }?
      .name ?? "-"
  }
}

/// `value` with `digits` decimals, for messages.
func formatted(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
  var text = String(Int64((value * pow10(digits)).rounded()))
  if digits > 0 {
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    while text.count <= digits { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    if negative { text = "-" + text }
  }
  return text
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
