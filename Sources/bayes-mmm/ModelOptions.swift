import ArgumentParser
import BayesMMM
import Foundation

/// The data and the priors: shared by every command that builds the model.
struct ModelOptions: ParsableArguments {
  static let bundledPriorsPath = "priors/default.json"

  @OptionGroup var dataOptions: DataOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The priors file (default: \(ModelOptions.bundledPriorsPath), in the current directory or "
        + "the package the tool was built in).", valueName: "file"))
  var priors: String?

  /// The priors file to read: `--priors` as given, else the bundled default.
  func resolvedPriorsPath() throws -> String { try Self.priorsPath(given: priors) }

  /// `given` when there is one, else the bundled file `bundled` (a path relative to the
  /// package, found from the current directory or the executable).
  static func priorsPath(given: String?, bundled: String = bundledPriorsPath) throws -> String {
    if let given { return given }
    guard let path = DataOptions.locateBundledFile(bundled) else {
      throw ModelOptionsError.noPriorsFile(bundled)
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
  /// The bundled priors file (its path relative to the package) was not found.
  case noPriorsFile(String)

  var description: String {
    switch self {
    case .noPriorsFile(let path):
      return "no priors file: \(path) is not in the current directory nor above the "
        + "bayes-mmm executable; pass --priors FILE"
    }
  }
}
