import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm benchmark`: speed figures of the log density and of the default run.
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark",
    abstract: "Print gradient throughput and sampling efficiency figures.",
    discussion: """
      gradient: log density + gradient evaluations per second on one thread, on the \
      bundled data and on synthetic flighted inputs of 104, 520 and 5,200 weeks (4 social \
      channels) and 104 weeks with 12 social channels; the last column, nanoseconds per \
      week x media channel, is flat when cost grows linearly in weeks x channels; evals/CPU \
      s counts the thread's own CPU time, steadier than wall time when others share the \
      machine.
      sampling: the default run (4 chains x 1000 warm-up + 1000 draws) on the bundled \
      data, with each metric adaptation: wall time, leapfrog steps, gradients per second, \
      min bulk and tail ESS, min bulk ESS per second and per 1,000 gradient evaluations. \
      Compile time is excluded. --priors picks the model, e.g. a like-for-like priors file to \
      compare with another engine fitting the same model.
      Figures are measurements on this machine, never asserted by tests.
      """
  )

  enum Part: String, ExpressibleByArgument, CaseIterable {
    case gradient, sampling, all
  }

  @Argument(help: "What to measure: gradient, sampling or all.")
  var part: Part = .all

  @OptionGroup var modelOptions: ModelOptions

  @Option(name: .long, help: "Seconds per gradient measurement.")
  var seconds: Double = 1

  @Option(
    name: .long, parsing: .unconditional, help: "Run seed for the sampling benchmark.",
    transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(name: .long, help: "Threads for the sampling benchmark (default: min(chains, cores)).")
  var threads: Int?

  func run() throws {
    try reportingErrors {
      let prepared = try modelOptions.prepare()
      if part != .sampling { try gradientTable(prepared) }
      if part != .gradient { try samplingTable(prepared) }
    }
  }

  private func gradientTable(_ prepared: PreparedModel) throws {
    print("Log density + gradient, one thread")
    print(
      row([
        "case", "weeks", "media ch.", "params", "evals/s", "us/eval", "ns/(week x ch.)",
        "evals/CPU s",
      ]))
    let bundled = GradientScalingCase(
      label: modelOptions.dataOptions.data == nil ? "bundled data" : "the data file",
      model: prepared.model, minimumSeconds: seconds)
    let rows =
      [bundled]
      + (try GradientScalingCase.syntheticRows(
        configuration: prepared.configuration, minimumSeconds: seconds))
    for r in rows {
      print(
        row([
          r.label, "\(r.weeks)", "\(r.mediaChannels)", "\(r.parameters)",
          String(format: "%.0f", r.measurement.evaluationsPerSecond),
          String(format: "%.2f", r.measurement.microsecondsPerEvaluation),
          String(format: "%.1f", r.nanosecondsPerWeekChannel),
          String(format: "%.0f", r.measurement.evaluationsPerCPUSecond),
        ]))
    }
    print("")
  }

  private func samplingTable(_ prepared: PreparedModel) throws {
    var settings = SamplerSettings()
    settings.seed = seed
    settings.threads = threads
    print(
      "Default run on \(prepared.dataset.sourcePath): \(settings.chains) chains x \(settings.warmup) warm-up "
        + "+ \(settings.draws) draws, \(settings.effectiveThreads) threads, priors "
        + (modelOptions.priors ?? ModelOptions.bundledPriorsPath))
    print(
      row([
        "metric adaptation", "wall s", "leapfrogs", "grads/s", "min ESS bulk", "min ESS tail",
        "max R-hat", "div", "min bulk ESS/s", "per 1k grads",
      ]))
    for method in MetricAdaptation.allCases {
      settings.metricAdaptation = method
      let run = try FitRun.sample(
        prepared: prepared, settings: settings, threads: settings.effectiveThreads)
      let b = SamplingBenchmark(label: method.rawValue, run: run)
      print(
        row([
          b.label, String(format: "%.2f", b.wallTime), "\(b.leapfrogSteps)",
          String(format: "%.0f", b.gradientsPerSecond), String(format: "%.0f", b.minESSBulk),
          String(format: "%.0f", b.minESSTail), String(format: "%.4f", b.maxRHat),
          "\(b.divergences)", String(format: "%.0f", b.minESSBulkPerSecond),
          String(format: "%.3f", 1000 * b.minESSBulkPerGradient),
        ]))
    }
  }

  private func row(_ cells: [String]) -> String {
    let widths = [32, 8, 10, 8, 13, 13, 10, 5, 15, 13]
    return zip(cells, widths).map { cell, width in
      cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
    }.joined()
  }
}
