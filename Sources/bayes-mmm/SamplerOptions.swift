import ArgumentParser
import BayesMMM

/// The NUTS settings of `sample` (and of commands that fit, such as validation).
struct SamplerOptions: ParsableArguments {
  @Option(name: .long, help: "Number of chains.")
  var chains: Int = SamplerSettings().chains

  @Option(name: .long, help: "Warm-up (adaptation) iterations per chain.")
  var warmup: Int = SamplerSettings().warmup

  @Option(name: .long, help: "Kept draws per chain.")
  var draws: Int = SamplerSettings().draws

  @Option(
    name: .long, parsing: .unconditional, help: "Run seed; chain k uses the stream (seed, k).",
    transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(
    name: .long,
    help: "Threads running chains (default: min(chains, cores)). Draws do not depend on it.")
  var threads: Int?

  @Option(name: .customLong("target-accept"), help: "Dual-averaging target acceptance rate.")
  var targetAccept: Double = SamplerSettings().targetAccept

  @Option(name: .customLong("max-depth"), help: "Maximum NUTS tree depth.")
  var maxDepth: Int = SamplerSettings().maxDepth

  @Option(
    name: .long,
    help:
      "Metric adaptation: stan (windowed variance), draws-and-gradients (nutpie's diagonal) or low-rank (nutpie's diagonal plus low rank)."
  )
  var metric: MetricChoice = .stan

  enum MetricChoice: String, ExpressibleByArgument, CaseIterable {
    case stan
    case drawsAndGradients = "draws-and-gradients"
    case lowRank = "low-rank"

    var adaptation: MetricAdaptation {
      switch self {
      case .stan: return .stanWindowedVariance
      case .drawsAndGradients: return .drawsAndGradients
      case .lowRank: return .lowRank
      }
    }
  }

  func validate() throws {
    guard chains >= 1 else { throw ValidationError("--chains must be at least 1.") }
    guard warmup >= 0 else { throw ValidationError("--warmup must be 0 or more.") }
    guard draws >= 1 else { throw ValidationError("--draws must be at least 1.") }
    guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be at least 1.") }
    guard targetAccept > 0, targetAccept < 1 else {
      throw ValidationError("--target-accept must lie strictly between 0 and 1.")
    }
    let depths = SamplerSettings.maxDepthLimits
    guard depths.contains(maxDepth) else {
      throw ValidationError(
        "--max-depth must be from \(depths.lowerBound) to \(depths.upperBound).")
    }
  }

  var settings: SamplerSettings {
    var settings = SamplerSettings()
    settings.chains = chains
    settings.warmup = warmup
    settings.draws = draws
    settings.seed = seed
    settings.threads = threads
    settings.targetAccept = targetAccept
    settings.maxDepth = maxDepth
    settings.metricAdaptation = metric.adaptation
    return settings
  }
}
