import ArgumentParser
import BayesMMM
import Foundation

/// The run folder a command reads and, when it has moved, the data file the run was fitted
/// to: shared by every command that reads a run (`summarize`, `report`, `loo`, `forecast`,
/// `contributions`, `optimize`).
struct RunOptions: ParsableArguments {
  @Option(name: .customLong("run"), help: ArgumentHelp("Run folder to read.", valueName: "dir"))
  var runDirectory: String = SampleCommand.defaultRunDirectory

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The run's data file, if it has moved (default: the path in run.json); its sha256 must "
        + "match the run's.", valueName: "file"))
  var data: String?

  /// Reads the run folder (checking its chain files against run.json) and rebuilds its
  /// model from the data file (`RunDataLocator`).
  func load() throws -> (run: StoredRun, prepared: PreparedModel) {
    let stored = try StoredRun.read(directory: runDirectory)
    let prepared = try stored.rebuildModel(
      dataPath: try RunDataLocator.locate(run: stored, override: data))
    return (stored, prepared)
  }
}
