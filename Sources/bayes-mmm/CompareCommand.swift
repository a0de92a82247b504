import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm compare`: run folders of the same data ranked by PSIS-LOO.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Rank runs of the same data by PSIS-LOO (elpd_diff and se_diff as az.compare).",
    discussion: """
      Computes each run's joint PSIS-LOO (as `bayes-mmm loo`) and ranks the runs by \
      elpd_loo, with elpd_diff = elpd_best - elpd and se_diff, the standard error of the \
      pointwise differences (ArviZ's az.compare). Runs fitted to different data (their \
      recorded sha256 differs) are refused.
      """
  )

  @Argument(help: ArgumentHelp("Run folders to compare (two or more).", valueName: "dir"))
  var runs: [String]

  @Option(name: .long, help: "Output format.")
  var format: CompareFormat = .text

  enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func validate() throws {
    guard runs.count >= 2 else { throw ValidationError("Give at least two run folders.") }
  }

  func run() throws {
    try reportingErrors {
      var entries: [(directory: String, run: StoredRun, loo: RunLeaveOneOut)] = []
      for directory in runs {
        let stored = try StoredRun.read(directory: directory)
        let prepared = try stored.rebuildModel(
          dataPath: try RunDataLocator.locate(run: stored, override: nil))
        entries.append((directory, stored, try RunLeaveOneOut(run: stored, prepared: prepared)))
      }
      let comparison = try RunComparison(runs: entries)
      switch format {
      case .text: print(comparison.text, terminator: "")
      case .json: print(comparison.json.serialized(), terminator: "\n")
      }
    }
  }
}
