import ArgumentParser
import BayesMMM

/// `bayes-mmm check-data`: load the data, audit it, print the findings.
struct CheckDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-data",
    abstract: "Check the data file and report what the model will do about it.",
    discussion: """
      Loads the weekly CSV with the given column roles, stops with an error (exit code 1) \
      on data the model cannot use, and otherwise prints the data summary, the scale \
      factors and every audit finding: the column, the rows and the action taken.
      """
  )

  @OptionGroup var dataOptions: DataOptions

  @Option(name: .long, help: "Output format.")
  var format: ReportFormat = .text

  func run() throws {
    try reportingErrors {
      let data = try dataOptions.loadDataset()
      let report = DataAuditReport(data: data, findings: try DataAudit().findings(for: data))
      switch format {
      case .text: print(report.text(), terminator: "")
      case .json: print(try report.json(), terminator: "")
      }
    }
  }
}
