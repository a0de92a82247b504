/// The figures of one sampling run, as the benchmark prints them.
public struct SamplingBenchmark: Sendable {
  public let label: String
  public let wallTime: Double
  public let leapfrogSteps: Int
  public let gradientEvaluations: Int
  public let minESSBulk: Double
  public let minESSTail: Double
  public let maxRHat: Double
  public let divergences: Int

  public var gradientsPerSecond: Double { Double(gradientEvaluations) / wallTime }
  public var minESSBulkPerSecond: Double { minESSBulk / wallTime }
  /// Min bulk ESS per log density + gradient evaluation: the sampler's efficiency with the
  /// cost of one gradient taken out, so engines and machines of different speeds compare.
  public var minESSBulkPerGradient: Double { minESSBulk / Double(gradientEvaluations) }

  public init(label: String, run: FitRun) {
    self.label = label
    wallTime = run.wallTime
    leapfrogSteps = run.chains.reduce(0) { $0 + $1.statistics.leapfrogSteps.reduce(0, +) }
    gradientEvaluations = run.gradientEvaluations
    minESSBulk = run.diagnostics.minESSBulk
    minESSTail = run.diagnostics.minESSTail
    maxRHat = run.diagnostics.maxRHat
    divergences = run.diagnostics.divergences
  }
}
