import ArgumentParser
import BayesMMM

/// `--lift-tests FILE`: experiments that join the likelihood (`LiftTestTerm`); shared by
/// `sample` and `diagnose`.
struct LiftTestOptions: ParsableArguments {
  @Option(
    name: .customLong("lift-tests"),
    help: ArgumentHelp(
      "Lift tests to calibrate with: a CSV of channel, start, end, spend_change, "
        + "cooldown_weeks (optional), lift, se (README, Lift tests).", valueName: "file"))
  var liftTests: String?

  /// `prepared` with the file's tests in its likelihood, or unchanged without the option.
  func applied(to prepared: PreparedModel) throws -> PreparedModel {
    guard let liftTests else { return prepared }
    return try prepared.addingLiftTests(contentsOf: liftTests)
  }
}
