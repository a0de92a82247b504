import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm prior-predictive`: simulate the data from the priors alone and compare it with
/// the observed data (MODEL.md 5).
struct PriorPredictiveCommand: ParsableCommand {
  static let defaultOutputDirectory = "runs/prior-predictive"

  static let configuration = CommandConfiguration(
    commandName: "prior-predictive",
    abstract: "Check the priors: simulate revenue and Google spend from them and compare.",
    discussion: """
      Draws every parameter from its prior, simulates Google on/off, amounts and revenue \
      (Student-t noise, the floor) at the data's scales, and reports for revenue and Google \
      spend the quantiles of the simulated weekly series next to the observed ones, the \
      share of observed weeks inside the pointwise 50% and 95% prior-predictive bands, the \
      simulated share of zero-Google weeks next to the observed one, and the priors the \
      parameters imply for the price elasticity, the promotion lift and each social \
      channel's total effect. Priors under which the observed data are implausible are \
      flagged with the prior to revise. Writes the draws to DIR (parameters.csv, \
      revenue.csv, google_spend.csv, bands.csv, summary.json), all or nothing; DIR must be \
      missing, empty or an earlier prior-predictive folder (other files in it stay). Flags do \
      not change the exit code; errors in the data or priors exit with 1.
      """
  )

  @OptionGroup var modelOptions: ModelOptions

  @Option(name: .long, help: "Number of prior draws.")
  var draws: Int = 1000

  @Option(
    name: .long, parsing: .unconditional, help: "Run seed of the draws.", transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(name: .long, help: ArgumentHelp("Folder to write the draws to.", valueName: "dir"))
  var out: String = PriorPredictiveCommand.defaultOutputDirectory

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  func validate() throws {
    guard draws >= 10 else { throw ValidationError("--draws must be at least 10.") }
  }

  func run() throws {
    try reportingErrors {
      let interrupt = InterruptHandler.install()
      _ = try OutputOwnership.inspectFolder(
        out, as: PriorPredictiveFolder.kind, option: "--out")
      let prepared = try modelOptions.prepare()
      // Per draw: the parameters and the simulated revenue, Google on/off and amount series.
      let columns = prepared.model.dimension + 3 * prepared.model.inputs.weeks
      try MemoryBudget.check(
        MemoryBudget.tableBytes(rows: draws, columns: columns),
        what: "\(draws) prior draws x \(columns) values", advice: "Lower --draws.")
      let simulated = PriorPredictiveSimulator.simulate(
        model: prepared.model, count: draws, seed: seed)
      let check = PriorPredictiveCheck(
        model: prepared.model, draws: simulated, observedRevenue: prepared.dataset.outcome,
        observedMediator: prepared.dataset.mediator)
      let context = PriorPredictiveCheck.Context(
        dataPath: prepared.dataset.sourcePath, priorsPath: prepared.configuration.source,
        seed: seed)
      try PriorPredictiveFolder.write(
        draws: simulated, check: check, weekLabels: prepared.dataset.dates, context: context,
        to: out, cancel: interrupt.flag)
      switch format {
      case .text: print(check.text(context: context), terminator: "")
      case .json: print(check.json(context: context).serialized(pretty: true))
      }
      writeToStandardError(
        "wrote \(out)/{\(PriorPredictiveFolder.fileNames.joined(separator: ","))}\n")
    }
  }
}
