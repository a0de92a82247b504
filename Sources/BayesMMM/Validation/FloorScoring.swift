/// Floor-aware scoring (MODEL.md 9): revenue reported at a floor is left-censored, so what a
/// week's report can show is max(revenue, floor), and the prediction of a week is the
/// predictive distribution of that, not of the latent revenue.
///
/// ```swift
/// let draws = FloorScoring.censored([-3, -2, -1, 1, 2], atLogFloor: 0)   // [0, 0, 0, 1, 2]
/// Quantiles.median(draws)                                               // 0: at the floor
/// FloorScoring.isAtFloor(median: 0, logFloor: 0)                        // true
/// ```
///
/// Both `validate` (per test week) and `summarize` (per fitted week) censor their predictive
/// draws with `censored(_:atLogFloor:)` wherever the model censors (a floor exists and
/// censoring is on), and score a floor week against its floor value. The censoring is a
/// deterministic map of the draws: it consumes no random numbers, so the draws and every
/// figure that does not involve the floor stay as they were for a seed.
///
/// Invariant: a censored draw is never below the floor, and a draw at the floor is the floor
/// itself bit for bit (`max` returns its argument), so a quantile that falls among the draws
/// at the floor equals the floor exactly and `isAtFloor` needs no tolerance.
public enum FloorScoring {
  /// max(draw, logFloor) for every draw, in any unit as long as draws and floor share it (log
  /// currency in `validate`, log scaled revenue in `summarize`); the draws unchanged when
  /// `logFloor` is nil (no floor, or censoring off).
  public static func censored(_ draws: [Double], atLogFloor logFloor: Double?) -> [Double] {
    guard let logFloor else { return draws }
    return draws.map { max($0, logFloor) }
  }

  /// Whether a predictive median is at the floor: median <= logFloor. For a censored
  /// predictive the median is never below the floor, so this is equality; for a predictive
  /// that knows no floor (the naive baselines, a model with censoring off) it reads "at or
  /// below the floor", what such a forecast would report.
  public static func isAtFloor(median: Double, logFloor: Double) -> Bool {
    median <= logFloor
  }
}
