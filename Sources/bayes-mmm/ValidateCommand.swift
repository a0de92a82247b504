import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm validate`: rolling-origin cross-validation against naive baselines.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Rolling-origin cross-validation of the model against naive baselines.",
    discussion: """
      Fold i fits weeks 1..t_i (scales, centring and floor from those weeks only) and \
      predicts the next --horizon weeks with the forward model, using the observed spend of \
      every channel in those weeks, Google included (a known input at prediction time). \
      The origins roll forward so the last fold ends at the last week. Floor weeks are \
      scored at their floor value, against the model's predictive of max(revenue, floor). \
      Reports per fold and overall R-squared of log revenue over all test weeks and over \
      the non-floor weeks, RMSE, MAPE on non-floor weeks, CRPS, the coverage of the 50% and \
      90% predictive intervals and how many floor weeks are predicted at the floor, for the \
      model and for two baselines (last value; seasonal mean of the same 4-week block of the \
      year); then residual checks of the fit on all weeks (lag-1 autocorrelation, \
      Ljung-Box, correlation with log price and promotions) and the key quantities per fold.
      """
  )

  @OptionGroup var modelOptions: ModelOptions

  @Option(name: .long, help: "Number of folds.")
  var folds: Int = 4

  @Option(name: .long, help: "Weeks predicted after each origin.")
  var horizon: Int = 8

  @Option(name: .long, help: "Chains per fit.")
  var chains: Int = 2

  @Option(name: .long, help: "Warm-up iterations per chain.")
  var warmup: Int = 500

  @Option(name: .long, help: "Kept draws per chain.")
  var draws: Int = 500

  @Option(
    name: .long, parsing: .unconditional,
    help: "Run seed of every fit; chain k uses the stream (seed, k).", transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(name: .long, help: "Threads running the chains of a fit (default: min(chains, cores)).")
  var threads: Int?

  @Option(name: .customLong("target-accept"), help: "Dual-averaging target acceptance rate.")
  var targetAccept: Double = 0.8

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  @Flag(name: .long, help: "No progress lines on stderr.")
  var quiet = false

  func validate() throws {
    guard folds >= 1 else { throw ValidationError("--folds must be at least 1.") }
    guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1.") }
    guard chains >= 1, draws >= 1, warmup >= 0 else {
      throw ValidationError("--chains and --draws must be at least 1, --warmup 0 or more.")
    }
    guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be at least 1.") }
    guard targetAccept > 0, targetAccept < 1 else {
      throw ValidationError("--target-accept must lie strictly between 0 and 1.")
    }
  }

  func run() throws {
    try reportingErrors {
      let prepared = try modelOptions.prepare()
      if !quiet {
        for finding in prepared.findings where finding.severity == .warning {
          writeToStandardError("data: \(finding.column ?? "file"): \(finding.message)\n")
        }
      }
      var settings = ValidationSettings()
      settings.folds = folds
      settings.horizon = horizon
      settings.sampler.chains = chains
      settings.sampler.warmup = warmup
      settings.sampler.draws = draws
      settings.sampler.seed = seed
      settings.sampler.targetAccept = targetAccept
      settings.threads = threads ?? settings.sampler.effectiveThreads
      let result = try RollingOriginValidation.run(
        dataset: prepared.dataset, configuration: prepared.configuration, settings: settings,
        progress: { message in if !quiet { writeToStandardError("validate: \(message)\n") } })
      switch format {
      case .text: print(result.text, terminator: "")
      case .json: print(result.json.serialized(pretty: true))
      }
    }
  }
}
