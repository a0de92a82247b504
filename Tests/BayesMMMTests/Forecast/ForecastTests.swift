import XCTest

@testable import BayesMMM

/// The forecast per draw: the model's own prediction at the plan, deterministic for a seed,
/// with adstock carried over from the data's last weeks.
final class ForecastTests: XCTestCase {
  /// Weeks fitted; the bundled data's last 104 - 100 weeks serve as the plan.
  private let dataWeeks = 100

  /// The bundled data's first `dataWeeks` weeks, with `edit` applied to the data rows.
  private func prepared(edit: (inout [[String]]) -> Void = { _ in }) throws -> PreparedModel {
    let lines = try DataFixtures.realLines()
    var rows = lines[1...dataWeeks].map { $0.split(separator: ",").map(String.init) }
    edit(&rows)
    let text = ([lines[0]] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n")
    let data = try WeeklyDataset.parse(
      bytes: Array(text.utf8), source: "first-100.csv", roles: ColumnRoles())
    return try PreparedModel(dataset: data, configuration: TestModels.defaultPriors())
  }

  /// The bundled data's remaining weeks as a plan, with or without its Google column.
  private func plan(for prepared: PreparedModel, google: Bool) throws -> ForecastPlan {
    let lines = try DataFixtures.realLines()
    let header = lines[0].split(separator: ",").map(String.init)
    let drop = google ? nil : header.firstIndex(of: "google_spend")
    let kept = ([lines[0]] + lines[(dataWeeks + 1)...]).map { line in
      line.split(separator: ",").enumerated().filter { $0.offset != drop }.map {
        String($0.element)
      }
      .joined(separator: ",")
    }
    return try ForecastPlan.parse(
      bytes: Array(kept.joined(separator: "\n").utf8), source: "plan.csv",
      dataset: prepared.dataset)
  }

  /// Prior draws (constrained, layout order), with sigma_y set to `revenueSigma` when given.
  private func draws(_ model: JointModel, count: Int, revenueSigma: Double? = nil) -> [[Double]] {
    let random = GSLRandom(runSeed: 3)
    return (0..<count).map { _ in
      var draw = model.priors.sample(using: random)
      if let revenueSigma { draw[model.layout.revenueSigma] = revenueSigma }
      return draw
    }
  }

  func testWithTheDataAsThePlanTheForecastIsForwardModelsPrediction() throws {
    let prepared = try prepared()
    let plan = try plan(for: prepared, google: true)
    let draw = draws(prepared.model, count: 1, revenueSigma: 1e-12)
    let forecast = Forecast.compute(
      prepared: prepared, plan: plan, draws: draw, paths: 3, seed: 1)
    // The oracle: the full file's inputs built directly, fitted weeks and trend of the first
    // 100 weeks.
    let full = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    let settings = prepared.configuration.settings
    var inputs = ModelInputs(
      revenue: full.outcome, floor: prepared.dataset.floorValue,
      mediator: .init(name: "google_spend", values: full.mediator),
      social: zip(full.socialNames, full.social).map { .init(name: $0, values: $1) },
      owned: zip(full.ownedNames, full.owned).map { .init(name: $0, values: $1) },
      price: full.price, promotion: full.promotion, weekOfYear: full.isoWeekOfYear,
      seasonalityOrder: settings.seasonalityOrder, fitWeeks: dataWeeks,
      priceForm: settings.priceResponse, priceKnots: settings.priceKnots, trendWeeks: dataWeeks)
    inputs.transforms = settings.transforms
    let mu = ForwardModel(model: prepared.model.replacingInputs(inputs)).state(
      parameters: draw[0]
    ).observedRevenuePredictor
    let summary = ForecastSummary(forecast)
    XCTAssertTrue(forecast.googleGiven)
    for (h, week) in summary.weeks.enumerated() {
      let expected = max(
        inputs.revenueScale * exp(mu[dataWeeks + h]), prepared.dataset.floorValue ?? 0)
      XCTAssertEqual(week.revenue.mean, expected, accuracy: 1e-9 * expected, week.date)
      XCTAssertEqual(week.googleSpend.mean, full.mediator[dataWeeks + h], accuracy: 1e-9)
    }
  }

  func testTheSameSeedGivesTheSameForecastAndAnotherSeedAnother() throws {
    let prepared = try prepared()
    let plan = try plan(for: prepared, google: false)
    let draws = draws(prepared.model, count: 20)
    func run(_ seed: UInt64) -> Forecast {
      Forecast.compute(prepared: prepared, plan: plan, draws: draws, paths: 5, seed: seed)
    }
    let first = run(9)
    XCTAssertFalse(first.googleGiven)
    XCTAssertEqual(first.revenue.map(\.count), [100, 100, 100, 100])
    XCTAssertEqual(first.revenue, run(9).revenue)
    XCTAssertEqual(first.googleSpend, run(9).googleSpend)
    XCTAssertNotEqual(first.revenue, run(10).revenue)
  }

  func testSpendInTheLastDataWeeksRaisesTheFirstPlanWeek() throws {
    // Facebook is never off; swapping its largest week into the last data week keeps its
    // scale (the same values) and moves ad memory to the plan's doorstep.
    let column = 1
    let quiet = try prepared()
    let busy = try prepared { rows in
      let values = rows.map { Double($0[column]) ?? 0 }
      let largest = values.indices.max { values[$0] < values[$1] } ?? 0
      let last = rows.count - 1
      (rows[largest][column], rows[last][column]) = (rows[last][column], rows[largest][column])
    }
    var draw = draws(quiet.model, count: 1, revenueSigma: 1e-12)[0]
    let facebook = quiet.model.layout.social[0]
    draw[facebook.transformParameters[0]] = 0.7
    draw[facebook.revenueCoefficient] = 1
    func firstWeek(_ prepared: PreparedModel) throws -> Double {
      let forecast = Forecast.compute(
        prepared: prepared, plan: try plan(for: prepared, google: true), draws: [draw], paths: 1,
        seed: 1)
      return forecast.revenue[0][0]
    }
    // With this draw the last data week's signal rises from 0.57 to 0.60 (Hill saturates),
    // so the first plan week's revenue rises by about 3% (exp(beta x 0.03)); noise is off.
    XCTAssertGreaterThan(try firstWeek(busy), 1.02 * (try firstWeek(quiet)))
  }
}
