import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm sbc`: simulation-based calibration of the model and the sampler.
struct SBCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sbc",
    abstract: "Simulation-based calibration: are the ranks of the truth uniform?",
    discussion: """
      For each simulation, draws the parameters from the priors, simulates Google spend and \
      revenue from the model on a fixed synthetic plan of --weeks weeks, fits the model with \
      NUTS, thins to --draws draws and records the rank of every true parameter (and of the \
      log density at the truth) among them (Talts et al. 2018). Prints per quantity the rank \
      histogram (counts per bin) and a chi-square test of uniformity with a Bonferroni \
      correction over the quantities, and how many fits diverged. Deterministic given the \
      seed, whatever --threads. Exits with code 1 when a quantity fails the test.
      """
  )

  @Option(name: .long, help: "Number of simulations.")
  var sims: Int = 100

  @Option(name: .long, help: "Weeks per simulated dataset.")
  var weeks: Int = 52

  @Option(
    name: .long, parsing: .unconditional,
    help: "Seed of the design, the prior draws, the data and the chains.", transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(name: .long, help: "Thinned posterior draws per fit (ranks lie in 0...draws).")
  var draws: Int = 99

  @Option(name: .long, help: "Histogram bins of the uniformity test.")
  var bins: Int = 10

  @Option(name: .long, help: "Chains per fit.")
  var chains: Int = 1

  @Option(name: .long, help: "Warm-up iterations per chain.")
  var warmup: Int = 500

  @Option(name: .long, help: "Keep every n-th draw.")
  var thin: Int = 10

  @Option(name: .customLong("target-accept"), help: "NUTS target acceptance rate.")
  var targetAccept: Double = 0.8

  @Option(name: .customLong("social-channels"), help: "Social channels in the model (1-4).")
  var socialChannels: Int = 2

  @Option(name: .customLong("owned-channels"), help: "Owned channels in the model (0-2).")
  var ownedChannels: Int = 1

  @Option(name: .customLong("seasonality-order"), help: "Fourier order of the seasonality.")
  var seasonalityOrder: Int = 1

  @Option(name: .long, help: "Family-wise error rate of the uniformity tests.")
  var level: Double = 0.01

  @Option(name: .long, help: "Simulations fitted at once (one thread each).")
  var threads: Int = 1

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The priors file (default: priors/default.json, found as for sample).", valueName: "file"))
  var priors: String?

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  @Flag(name: .long, help: "No progress line on stderr.")
  var quiet = false

  var settings: SBCSettings {
    var settings = SBCSettings()
    settings.simulations = sims
    settings.weeks = weeks
    settings.seed = seed
    settings.rankDraws = draws
    settings.bins = bins
    settings.chains = chains
    settings.warmup = warmup
    settings.thin = thin
    settings.targetAccept = targetAccept
    settings.socialChannels = socialChannels
    settings.ownedChannels = ownedChannels
    settings.seasonalityOrder = seasonalityOrder
    settings.familyWiseLevel = level
    settings.threads = threads
    return settings
  }

  func validate() throws {
    do {
      try settings.validate()
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    let passed = try reportingErrors { () -> Bool in
      let configuration = try PriorsConfiguration(
        contentsOf: try ModelOptions.priorsPath(given: priors))
      let total = sims
      let live = !quiet && isatty(STDERR_FILENO) == 1
      let result = try SimulationBasedCalibration.run(
        settings: settings, configuration: configuration,
        progress: { done in
          if live { writeToStandardError("\r\u{1B}[Ksbc: \(done)/\(total) simulations") }
        })
      if live { writeToStandardError("\r\u{1B}[K") }
      switch format {
      case .text: print(result.text, terminator: "")
      case .json: print(result.json.serialized(pretty: true))
      }
      return result.passes
    }
    if !passed { throw ExitCode.failure }
  }
}
