import Foundation
import XCTest

@testable import BayesMMM

/// Floor-aware scoring in `validate` (MODEL.md 9): censored ensembles, floor weeks observed
/// at the floor, R-squared with and without them, and the share predicted at the floor, on
/// cases small enough to compute by hand.
final class FloorScoringTests: XCTestCase {
  func testCensoringLiftsEveryDrawBelowTheFloorToTheFloorItself() {
    XCTAssertEqual(FloorScoring.censored([-3, -2, -1, 1, 2], atLogFloor: 0), [0, 0, 0, 1, 2])
    XCTAssertEqual(FloorScoring.censored([-3, 2], atLogFloor: nil), [-3, 2])
    let logFloor = log(1.0 / 48_000)
    XCTAssertEqual(FloorScoring.censored([-20, -1], atLogFloor: logFloor), [logFloor, -1])
  }

  /// A floor week (log floor 0) whose latent draws all lie below the floor: uncensored, its
  /// median is -1 and the 90% interval [-2.8, -0.26] misses the floor; censored, every draw
  /// is the floor, so the median is the floor, the interval [0, 0] holds it and CRPS is 0.
  func testCensoringMovesAFloorWeeksMedianToTheFloorAndCoversIt() {
    let latent = [-3.0, -2, -1, -0.5, -0.2]
    let uncensored = WeekForecast(
      week: 0, observed: 0, isFloor: true, point: Quantiles.median(latent), ensemble: latent)
    XCTAssertEqual(uncensored.median, -1)
    XCTAssertFalse(uncensored.covered(level: 0.9))
    XCTAssertEqual(uncensored.crps, ForecastMetrics.crps(sorted: latent, observation: 0))
    let draws = FloorScoring.censored(latent, atLogFloor: 0)
    let censored = WeekForecast(
      week: 0, observed: 0, isFloor: true, point: Quantiles.median(draws), ensemble: draws)
    XCTAssertEqual(censored.median, 0)
    XCTAssertTrue(censored.isPredictedAtFloor)
    XCTAssertTrue(censored.covered(level: 0.9))
    XCTAssertTrue(censored.covered(level: 0.5))
    XCTAssertEqual(censored.crps, 0, accuracy: 1e-15)
  }

  /// Three draws of five below the floor put the median at the floor exactly; two of five
  /// leave it above (at the third draw, 0.5).
  func testMedianIsAtTheFloorOnlyWhenHalfTheDrawsAreThere() {
    let atFloor = FloorScoring.censored([-3, -2, -1, 1, 2], atLogFloor: 0)
    let above = FloorScoring.censored([-3, -2, 0.5, 1, 2], atLogFloor: 0)
    func forecast(_ draws: [Double]) -> WeekForecast {
      WeekForecast(
        week: 0, observed: 0, isFloor: true, point: Quantiles.median(draws), ensemble: draws)
    }
    XCTAssertTrue(forecast(atFloor).isPredictedAtFloor)
    XCTAssertFalse(forecast(above).isPredictedAtFloor)
    XCTAssertEqual(forecast(above).median, 0.5)
    // A week not at the floor is never counted, whatever its median.
    let sale = WeekForecast(week: 0, observed: 2, isFloor: false, point: 0, ensemble: atFloor)
    XCTAssertFalse(sale.isPredictedAtFloor)
  }

  /// A baseline knows no floor: its median below the floor reads "at or below the floor".
  func testBaselineMedianBelowTheFloorCountsAsAtTheFloor() {
    let baseline = WeekForecast(
      week: 0, observed: 0, isFloor: true, point: 1, ensemble: [-2, -1, 3])
    XCTAssertEqual(baseline.median, -1)
    XCTAssertTrue(baseline.isPredictedAtFloor)
  }

  /// Observed log revenue 1, 2, 3 (sales) and two floor weeks at log floor 0. Sales points
  /// 1.5, 2, 2.5: SSE 0.5 around their mean 2, SST 2, so R2 non-floor = 0.75 whatever the
  /// floor weeks do. Over all five weeks the mean is 1.2 and SST = 0.04 + 0.64 + 3.24 +
  /// 1.44 + 1.44 = 6.8; a floor week predicted at the floor adds 0 to SSE, one predicted at
  /// 1 adds 1.
  func testFloorWeeksEnterR2AtTheFloorAndTheShareCountsMediansAtTheFloor() {
    let sales = [
      WeekForecast(week: 0, observed: 1, isFloor: false, point: 1.5, ensemble: [1, 1.5, 2]),
      WeekForecast(week: 1, observed: 2, isFloor: false, point: 2, ensemble: [1.5, 2, 2.5]),
      WeekForecast(week: 2, observed: 3, isFloor: false, point: 2.5, ensemble: [2, 2.5, 3]),
    ]
    func floorWeek(_ week: Int, _ draws: [Double]) -> WeekForecast {
      WeekForecast(
        week: week, observed: 0, isFloor: true, point: Quantiles.median(draws), ensemble: draws)
    }
    let atFloor = [0.0, 0, 0.5]
    let above = [0.0, 1, 2]

    let both = ForecastScores(sales + [floorWeek(3, atFloor), floorWeek(4, atFloor)])
    XCTAssertEqual(both.count, 5)
    XCTAssertEqual(both.floorWeeks, 2)
    XCTAssertEqual(both.floorWeeksPredictedAtFloor, 1)
    XCTAssertEqual(both.rSquared, 1 - 0.5 / 6.8, accuracy: 1e-12)
    XCTAssertEqual(both.rSquaredNonFloor, 0.75, accuracy: 1e-12)

    let one = ForecastScores(sales + [floorWeek(3, atFloor), floorWeek(4, above)])
    XCTAssertEqual(one.floorWeeksAtFloorCount, 1)
    XCTAssertEqual(one.floorWeeksPredictedAtFloor, 0.5)
    XCTAssertEqual(one.rSquared, 1 - 1.5 / 6.8, accuracy: 1e-12)
    XCTAssertEqual(one.rSquaredNonFloor, 0.75, accuracy: 1e-12)

    let none = ForecastScores(sales + [floorWeek(3, above), floorWeek(4, above)])
    XCTAssertEqual(none.floorWeeksPredictedAtFloor, 0)
    XCTAssertEqual(none.rSquared, 1 - 2.5 / 6.8, accuracy: 1e-12)
    // MAPE stays on the sales: |e^k - e^point| / e^k.
    let mape = 100 * (abs(exp(1) - exp(1.5)) / exp(1) + abs(exp(3) - exp(2.5)) / exp(3)) / 3
    XCTAssertEqual(none.mape, mape, accuracy: 1e-10)
  }

  func testWithoutFloorWeeksTheShareIsUndefinedAndWrittenAsNull() {
    let scores = ForecastScores([
      WeekForecast(week: 0, observed: 1, isFloor: false, point: 1.5, ensemble: [1, 2]),
      WeekForecast(week: 1, observed: 2, isFloor: false, point: 2, ensemble: [1, 2]),
    ])
    XCTAssertEqual(scores.floorWeeks, 0)
    XCTAssertTrue(scores.floorWeeksPredictedAtFloor.isNaN)
    XCTAssertEqual(scores.rSquared, scores.rSquaredNonFloor)
    XCTAssertEqual(jsonNumber(scores.floorWeeksPredictedAtFloor), .null)
  }

  /// Revenue 5, 1, 1, 1, 0.5, 7 with floor 1: weeks at or below the floor (0.5 included) are
  /// scored at log(1) = 0, the others at log(revenue); without a floor nothing changes.
  func testScoredObservationsPutCensoredWeeksAtTheFloor() {
    let revenue = [5.0, 1, 1, 1, 0.5, 7]
    func inputs(floor: Double?) -> ModelInputs {
      ModelInputs(
        revenue: revenue, floor: floor,
        mediator: .init(name: "google", values: [1, 0, 2, 0, 1, 3]),
        social: [.init(name: "social", values: [1, 2, 0, 1, 2, 1])], owned: [], price: nil,
        promotion: nil, weekOfYear: Array(1...6), seasonalityOrder: 0)
    }
    XCTAssertEqual(
      RollingOriginValidation.scoredObservations(revenue: revenue, inputs: inputs(floor: 1)),
      [log(5), 0, 0, 0, 0, log(7)])
    XCTAssertEqual(
      RollingOriginValidation.scoredObservations(revenue: revenue, inputs: inputs(floor: nil)),
      revenue.map { log($0) })
  }
}
