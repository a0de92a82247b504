import ArgumentParser
import BayesMMM

/// `--seed` of the commands that simulate from a stored run (`forecast`, `contributions`,
/// `optimize`): their random numbers start from the run's own seed unless one is given, so
/// the same run gives the same output.
struct RunSeedOption: ParsableArguments {
  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp("Random seed (default: the run's seed).", valueName: "seed"),
    transform: parseSeed)
  var seed: UInt64?

  /// The seed to use with `run`.
  func seed(for run: StoredRun) -> UInt64 { seed ?? run.seed }

  /// Checks a `--paths` value of these commands: a whole number from 1 to 1000.
  static func validatePaths(_ paths: Int) throws {
    guard (1...1000).contains(paths) else {
      throw ValidationError("--paths must be a whole number from 1 to 1000; got \(paths).")
    }
  }
}
