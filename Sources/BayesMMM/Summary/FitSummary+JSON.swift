/// The fit section as JSON (docs/summary-json.md `fit`); NaN (an R-squared of constant log
/// revenue, the share of floor weeks when there are none) is written as null.
extension FitSummary {
  var json: JSONValue {
    [
      "weeks": .number(Double(weeks)), "floor_weeks": .number(Double(floorWeeks)),
      "draws": .number(Double(draws)),
      "bayesian_r2": [
        "median": .number(bayesianR2.median), "lower90": .number(bayesianR2.lower90),
        "upper90": .number(bayesianR2.upper90),
      ],
      "mape_percent": .number(mape), "coverage_50": .number(coverage50),
      "coverage_90": .number(coverage90),
      "r_squared": .number(rSquared), "r_squared_non_floor": .number(rSquaredNonFloor),
      "floor_value": floorValue.map { .number($0) } ?? .null,
      "floor_weeks_predicted_at_floor": .number(floorWeeksPredictedAtFloor),
      "floor_week_predictions": .array(
        floorWeekPredictions.map {
          [
            "date": .string($0.date), "predicted_median": .number($0.predictedMedian),
            "at_floor": .bool($0.isAtFloor),
          ]
        }),
    ]
  }
}
