import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm diagnose`: the gradient against finite differences, like CmdStan's diagnose.
struct DiagnoseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagnose",
    abstract: "Check the model's gradient against finite differences and time it.",
    discussion: """
      At --points random points of the unconstrained space (uniform(-2, 2) per coordinate), \
      compares the analytic gradient of the log posterior with a five-point central finite \
      difference for every parameter (the lift tests' terms included with --lift-tests), \
      prints the table, and times one log density + gradient evaluation. The relative error \
      of a coordinate is |analytic - numeric| / max(1, |analytic|, |numeric|). Exits with code 1 when any error exceeds --tolerance.
      """
  )

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var liftTestOptions: LiftTestOptions

  @Option(name: .long, help: "Number of random points.")
  var points: Int = 3

  @Option(
    name: .long, parsing: .unconditional, help: "Random seed for the points.", transform: parseSeed)
  var seed: UInt64 = 1

  @Option(name: .long, help: "Largest relative error accepted.")
  var tolerance: Double = 1e-6

  @Option(name: .long, help: "Finite-difference step (scaled by max(1, |u|)).")
  var epsilon: Double = 1e-4

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  func validate() throws {
    guard points >= 1 else { throw ValidationError("--points must be at least 1.") }
    guard tolerance > 0, epsilon > 0 else {
      throw ValidationError("--tolerance and --epsilon must be positive.")
    }
  }

  func run() throws {
    let passed = try reportingErrors { () -> Bool in
      let prepared = try liftTestOptions.applied(to: modelOptions.prepare())
      let model = prepared.model
      let check = GradientCheck(
        density: model.makeLogDensity(), points: points, seed: seed, step: epsilon)
      let timing = GradientBenchmark(density: model.makeLogDensity(), minimumSeconds: 0.5)
      let report = GradientCheckReport(
        check: check, names: model.layout.names, tolerance: tolerance,
        secondsPerGradient: timing.seconds / Double(timing.evaluations))
      switch format {
      case .text: print(report.text, terminator: "")
      case .json: print(report.json.serialized(pretty: true))
      }
      return report.passed
    }
    if !passed { throw ExitCode.failure }
  }
}
