/// What `RollingOriginValidation.run` found: per fold and overall scores of the model and of
/// the baselines, residual checks of the full fit, and key quantities per fit.
public struct ValidationResult: Sendable {
  /// Scores of the three methods on one set of weeks.
  public struct Scores: Sendable, Equatable {
    public let model: ForecastScores
    public let lastValue: ForecastScores
    public let seasonalMean: ForecastScores
  }

  public let settings: ValidationSettings
  public let dataSource: String
  public let weeks: Int
  public let folds: [ValidationFold]
  public let residuals: ResidualChecks
  /// Key quantities of the fit on all weeks.
  public let fullFit: [KeyQuantity]
  public let fullDivergences: Int
  public let fullMinimumESS: Double

  /// Scores of fold `index`.
  public func scores(fold index: Int) -> Scores {
    let fold = folds[index]
    return Scores(
      model: ForecastScores(fold.model), lastValue: ForecastScores(fold.lastValue),
      seasonalMean: ForecastScores(fold.seasonalMean))
  }

  /// Scores over every test week of every fold, pooled.
  public var overall: Scores {
    Scores(
      model: ForecastScores(folds.flatMap(\.model)),
      lastValue: ForecastScores(folds.flatMap(\.lastValue)),
      seasonalMean: ForecastScores(folds.flatMap(\.seasonalMean)))
  }
}
