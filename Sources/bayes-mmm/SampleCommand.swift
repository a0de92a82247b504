import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm sample`: fit the joint model by NUTS and write a run folder.
struct SampleCommand: ParsableCommand {
  static let defaultRunDirectory = "runs/default"

  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Fit the joint model with NUTS and write the draws (CmdStan CSV) and run.json.",
    discussion: """
      Audits the data (stopping on errors), then runs the chains in parallel threads. \
      Writes DIR/chain-<k>.csv in CmdStan's CSV layout (readable by arviz.from_cmdstan and \
      cmdstanpy) and DIR/run.json (settings, seed, data sha256, priors, scale factors, audit \
      findings, diagnostics, timings). After the parameters, every draw carries the \
      generated-quantity effects: natural direct, indirect and total effects of each social \
      channel (switched off, and +10%), ROI, induced Google spend, Google's own effect, price \
      and promotion what-ifs, averaged over --mediator-paths simulated Google paths per draw. \
      Then the pointwise log likelihood of each week (log_lik.t, and per equation \
      log_lik_revenue.t, log_lik_search.t, log_lik_search_onoff.t, log_lik_search_amount.t), \
      which `bayes-mmm loo` and ArviZ's az.from_cmdstan(..., log_likelihood=...) read. \
      With --lift-tests FILE each experiment adds lift ~ Normal(model effect, se) to the \
      log density (docs/MODEL.md 11) and run.json records the file (lift_tests). \
      The same seed, data and priors give byte-identical chain files for any --threads. \
      DIR must be missing, empty or an earlier run folder: only its chain files and run.json \
      are replaced (a user's other files stay); anything else is refused. Ctrl-C or SIGTERM \
      before the final renames writes nothing and exits with 130 / 143.
      """
  )

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var samplerOptions: SamplerOptions
  @OptionGroup var liftTestOptions: LiftTestOptions

  @Option(name: .long, help: ArgumentHelp("Run folder to write.", valueName: "dir"))
  var out: String = SampleCommand.defaultRunDirectory

  @Option(
    name: .customLong("mediator-paths"),
    help: ArgumentHelp(
      "Simulated Google paths per draw for the direct and indirect effects.", valueName: "n"))
  var mediatorPaths: Int = EffectSettings().mediatorPaths

  @Flag(name: .long, help: "No progress display; only the final lines.")
  var quiet = false

  func validate() throws {
    guard mediatorPaths >= 1 else {
      throw ValidationError("--mediator-paths must be at least 1.")
    }
  }

  func run() throws {
    try reportingErrors {
      let interrupt = InterruptHandler.install()
      let prepared = try liftTestOptions.applied(to: modelOptions.prepare())
      let settings = samplerOptions.settings
      let display = ProgressDisplay(chains: settings.chains, quiet: quiet)
      _ = try OutputOwnership.inspectFolder(out, as: RunFolder.kind, option: "--out")
      let run = try FitRun.sample(
        prepared: prepared, settings: settings,
        effects: EffectSettings(mediatorPaths: mediatorPaths),
        threads: settings.effectiveThreads, progress: { display.update($0) },
        cancel: interrupt.flag)
      display.finish()
      if run.wasCancelled {
        writeToStandardError(
          "interrupted: the chains were stopped; nothing was written to \(out)\n")
        throw ExitCode(interrupt.exitStatus)
      }
      try RunFolder.write(run, to: out, cancel: interrupt.flag)
      let diagnostics = run.diagnostics
      writeToStandardError(
        "sampled \(settings.chains) chains x \(settings.draws) draws in "
          + String(format: "%.2f", run.wallTime) + " s ("
          + "\(run.gradientEvaluations) gradients, "
          + String(format: "%.0f", Double(run.gradientEvaluations) / run.wallTime)
          + " per second; min bulk ESS per second "
          + String(format: "%.0f", diagnostics.minESSBulk / run.wallTime) + ")\n")
      let threadSeconds = run.effectsWallTime * Double(settings.effectiveThreads)
      writeToStandardError(
        "effects: \(mediatorPaths) mediator paths per draw in "
          + String(format: "%.2f", run.effectsWallTime) + " s ("
          + String(format: "%.2f", 1000 * threadSeconds / Double(settings.chains * settings.draws))
          + " ms of one thread per draw)\n")
      writeToStandardError("diagnostics: \(diagnostics.verdict)\n")
      if let lifts = prepared.liftTestFile {
        writeToStandardError(
          "lift tests: \(lifts.tests.count) from \(lifts.source) in the likelihood "
            + "(bayes-mmm summarize sets them beside the model)\n")
      }
      for warning in diagnostics.warnings { writeToStandardError("warning: \(warning)\n") }
      for finding in prepared.findings where finding.severity == .warning {
        writeToStandardError("data: \(finding.column ?? "file"): \(finding.message)\n")
      }
      writeToStandardError("wrote \(out)/chain-1..\(settings.chains).csv and \(out)/run.json\n")
    }
  }
}
