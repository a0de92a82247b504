import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm simulate`: synthetic data from the model, with the truth that made it.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate a weekly dataset from the model (and write the true parameters).",
    discussion: """
      Makes a synthetic plan of --weeks weeks in the bundled file's schema (social spend \
      with flighting, facebook always on, price around 100, promotions, emails and SMS), \
      draws the parameters from the priors (--priors) or reads them from a truth file \
      (--truth: JSON of constrained values by parameter name, such as a truth.json written \
      earlier; --price-response picks the price form and, without --priors, its example \
      priors file), simulates Google spend from the hurdle mediator and revenue from the outcome \
      equation with the floor at 1.00, and writes the CSV atomically (an existing CSV only \
      when it is this very simulation; a CSV carries no marker). --truth-out writes the \
      parameters (at the scales a fit of the CSV uses: compare them one to one with \
      `bayes-mmm sample --data FILE`) and the true effects per social channel. \
      --lift-tests-out writes lift tests drawn from the truth: per social channel an 8-week \
      holdout (off) near the middle of the data with 2 cooldown weeks, lift = true total \
      effect + se z, se = --lift-se x |true effect| (README, Lift tests). The same seed gives \
      the same bytes.
      """
  )

  @Option(name: .long, help: "Number of weeks.")
  var weeks: Int = 104

  @Option(
    name: .long, parsing: .unconditional,
    help: "Seed of the plan, the prior draw and the outcomes.", transform: parseSeed)
  var seed: UInt64 = SamplerSettings.defaultSeed

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Draw the parameters from this priors file (default: priors/default.json).",
      valueName: "file"))
  var priors: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Use these parameter values (JSON by parameter name) instead of a prior draw.",
      valueName: "file"))
  var truth: String?

  @Option(
    name: .customLong("price-response"),
    help: ArgumentHelp(
      "Simulate with this price response; without --priors, its example priors file "
        + "(priors/linear-demand.json for linear_demand) supplies the priors.", valueName: "form"))
  var priceResponse: PriceResponseForm?

  @Option(name: .long, help: ArgumentHelp("The CSV file to write.", valueName: "file"))
  var out: String

  @Option(
    name: .customLong("truth-out"),
    help: ArgumentHelp(
      "Write the true parameters and effects here (JSON).", valueName: "file"))
  var truthOut: String?

  @Option(
    name: .customLong("lift-tests-out"),
    help: ArgumentHelp(
      "Write lift tests drawn from the truth here (CSV for sample --lift-tests).",
      valueName: "file"))
  var liftTestsOut: String?

  @Option(
    name: .customLong("lift-se"),
    help: "Standard error of each simulated lift test, as a share of its true effect.")
  var liftSE: Double = 0.2

  @Option(name: .customLong("effect-paths"), help: "Mediator paths per arm for the true effects.")
  var effectPaths: Int = 2000

  func validate() throws {
    guard weeks >= 8 else { throw ValidationError("--weeks must be at least 8.") }
    guard priors == nil || truth == nil else {
      throw ValidationError(
        "Use either --priors (draw the parameters) or --truth (give them), not both.")
    }
    guard effectPaths >= 1 else { throw ValidationError("--effect-paths must be at least 1.") }
    guard liftSE > 0, liftSE.isFinite else {
      throw ValidationError("--lift-se must be a positive share of the true effect (e.g. 0.2).")
    }
  }

  func run() throws {
    try reportingErrors {
      let interrupt = InterruptHandler.install()
      if let truthOut {
        try OutputOwnership.checkFile(
          truthOut, as: .truthJSON, newContent: Data(), option: "--truth-out")
      }
      let priorsFile = try priorsPath()
      let base = try PriorsConfiguration(contentsOf: priorsFile)
      if let priceResponse, base.settings.priceResponse != priceResponse {
        throw ValidationError(
          "--price-response \(priceResponse.rawValue) disagrees with \(priorsFile), whose "
            + "model.price_response is \(base.settings.priceResponse.rawValue); give a priors "
            + "file of that form, or leave out --priors to use \(priceResponse.examplePriorsPath).")
      }
      let truthFile = try truth.map { path throws(SimulationError) in
        try TruthFile(contentsOf: path)
      }
      let configuration = try truthFile?.configuration(basedOn: base) ?? base
      // The plan, the outcomes and the CSV text: about 16 series of --weeks values.
      try MemoryBudget.check(
        MemoryBudget.tableBytes(rows: weeks, columns: 16), what: "\(weeks) weeks x 16 series",
        advice: "Lower --weeks.")
      let simulated = try SimulatedDataset.simulate(
        weeks: weeks, seed: seed, configuration: configuration, truth: truthFile)
      let csv = Data(simulated.csv.utf8)
      try OutputOwnership.checkFile(out, as: .simulatedCSV, newContent: csv, option: "--out")
      let truthDocument = truthOut.map { _ in
        // The marker lets a later --truth-out replace this file.
        OutputOwnership.marked(
          simulated.truthDocument(
            effects: SimulatedEffects.truth(of: simulated, paths: effectPaths)),
          kind: "simulation-truth")
      }
      let liftTests = try liftTestsOut.map { path in
        let lifts = try SimulatedLiftTests.design(
          for: simulated, relativeSE: liftSE, paths: effectPaths)
        let bytes = Data(lifts.csv.utf8)
        try OutputOwnership.checkFile(
          path, as: .simulatedCSV, newContent: bytes, option: "--lift-tests-out")
        return (path, bytes)
      }
      try OutputTransaction.writeFile(csv, to: out, kind: .simulatedCSV, cancel: interrupt.flag)
      var wrote =
        "wrote \(out) (\(weeks) weeks, seed \(seed), parameters from "
        + "\(simulated.truthSource))"
      if let truthOut, let truthDocument {
        try OutputTransaction.writeFile(
          Data((truthDocument.serialized(pretty: true) + "\n").utf8), to: truthOut,
          kind: .truthJSON, option: "--truth-out", cancel: interrupt.flag)
        wrote += " and \(truthOut)"
      }
      if let (path, bytes) = liftTests {
        try OutputTransaction.writeFile(
          bytes, to: path, kind: .simulatedCSV, option: "--lift-tests-out", cancel: interrupt.flag)
        wrote += " and \(path)"
      }
      let floorWeeks = simulated.dataset.isFloor.filter { $0 }.count
      let googleOn = simulated.dataset.mediator.filter { $0 > 0 }.count
      let undetected =
        floorWeeks > 0 && OutcomeFloor.value(of: simulated.dataset.outcome) == nil
        ? " (too few for a fit of this file to read them as a floor: fitted as observations)"
        : ""
      writeToStandardError(
        wrote + "\nrevenue: mean " + NumberText.grouped(simulated.dataScales.revenue, decimals: 2)
          + ", \(floorWeeks) week(s) at the floor\(undetected); google_spend on in \(googleOn) "
          + "of \(weeks) weeks\n")
    }
  }

  private func priorsPath() throws -> String {
    try ModelOptions.priorsPath(
      given: priors, bundled: priceResponse?.examplePriorsPath ?? ModelOptions.bundledPriorsPath)
  }
}

extension PriceResponseForm: ExpressibleByArgument {}
