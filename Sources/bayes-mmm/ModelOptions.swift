import ArgumentParser
import BayesMMM
import Foundation

/// The data and the priors: shared by every command that builds the model.
struct ModelOptions: ParsableArguments {
  static let bundledPriorsPath = "priors/default.json"

  @OptionGroup var dataOptions: DataOptions

  @Option(name: .long, help: ArgumentHelp(
    "The priors file (default: \(ModelOptions.bundledPriorsPath), in the current directory or "
      + "the package the tool was built in).", valueName: "file"))
  var priors: String?

  /// The priors file to read: `--priors` as given, else the bundled default.
  func resolvedPriorsPath() throws -> String {
    if let priors { return priors }
    guard let path = DataOptions.locateBundledFile(Self.bundledPriorsPath) else {
      throw ModelOptionsError.noPriorsFile
    }
    return path
  }

  /// Loads the data and priors, audits the data and builds the model: the one pre-flight
  /// check that `sample` and `check-data` share, so both refuse the same data.
  func prepare() throws -> PreparedModel {
    let configuration = try PriorsConfiguration(contentsOf: try resolvedPriorsPath())
    return try PreparedModel(dataset: try dataOptions.loadDataset(), configuration: configuration)
  }
}

enum ModelOptionsError: Error, CustomStringConvertible {
  case noPriorsFile

  var description: String {
    "no priors file: \(ModelOptions.bundledPriorsPath) is not in the current directory nor "
      + "above the bayes-mmm executable; pass --priors FILE"
  }
}
