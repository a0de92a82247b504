import ArgumentParser
import BayesMMM

/// `bayes-mmm check-data`: load the data and priors, run sample's pre-flight checks
/// (`ModelOptions.prepare`), print the findings.
struct CheckDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-data",
    abstract: "Check the data file and report what the model will do about it.",
    discussion: """
      Loads the weekly CSV with the given column roles and the priors file, runs the same \
      checks as `sample` for those settings (fewer weeks than the model has parameters is \
      an error here too), stops with an error (exit code 1) on data the model cannot use, \
      and otherwise prints the data summary, the scale factors and every audit finding: \
      the column, the rows and the action taken.
      """
  )

  @OptionGroup var modelOptions: ModelOptions

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  func run() throws {
    try reportingErrors {
      let prepared = try modelOptions.prepare()
      let report = DataAuditReport(data: prepared.dataset, findings: prepared.findings)
      switch format {
      case .text: print(report.text(), terminator: "")
      case .json: print(try report.json(), terminator: "")
      }
    }
  }
}
