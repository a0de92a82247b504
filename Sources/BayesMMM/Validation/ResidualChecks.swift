/// Checks of a fit's residuals r_t = log(revenue_t / scale_y) - E[mu_y,t | data] (posterior
/// mean of the linear predictor) over the weeks not at the floor, in time order (floor weeks
/// are dropped and the remaining weeks treated as consecutive).
///
/// - lag-1 autocorrelation rho_1, with rho_k = sum_{t>=k} (r_t - rbar)(r_{t-k} - rbar) /
///   sum_t (r_t - rbar)^2;
/// - Ljung-Box Q = n (n + 2) sum_{k=1..m} rho_k^2 / (n - k) with m = min(10, n / 5) lags and
///   p = P(chi2(m) > Q): a small p says the residuals are autocorrelated (the model misses
///   dynamics, e.g. a longer carry-over);
/// - Pearson correlations of the residuals with log price and promotions: near 0 when the
///   model has taken up what those regressors explain; nil for a term the model lacks;
/// - the correlation with squared log price, x^2 for x = log(price / median price): the
///   curvature a price term misses (an inverted U against price gives a negative value).
public struct ResidualChecks: Sendable, Equatable {
  /// Residuals used (non-floor weeks, in time order).
  public let residuals: [Double]
  public let lag1Autocorrelation: Double
  public let ljungBoxLags: Int
  public let ljungBoxQ: Double
  public let ljungBoxPValue: Double
  public let correlationWithLogPrice: Double?
  public let correlationWithSquaredLogPrice: Double?
  public let correlationWithPromotion: Double?

  public init(residuals: [Double], logPrice: [Double]?, promotion: [Double]?) {
    self.residuals = residuals
    let n = residuals.count
    let lags = min(10, n / 5)
    let rho = Self.autocorrelations(residuals, maxLag: max(lags, 1))
    lag1Autocorrelation = rho.first ?? .nan
    ljungBoxLags = lags
    var q = 0.0
    for k in stride(from: 1, through: lags, by: 1) {
      q += rho[k - 1] * rho[k - 1] / Double(n - k)
    }
    q *= Double(n) * Double(n + 2)
    ljungBoxQ = lags > 0 ? q : .nan
    ljungBoxPValue =
      lags > 0 && q.isFinite ? GSLSpecial.chiSquareUpperTail(q, dof: Double(lags)) : .nan
    correlationWithLogPrice = logPrice.map { Statistics.correlation(residuals, $0) }
    correlationWithSquaredLogPrice = logPrice.map {
      Statistics.correlation(residuals, $0.map { $0 * $0 })
    }
    correlationWithPromotion = promotion.map { Statistics.correlation(residuals, $0) }
  }

  /// rho_1 ... rho_maxLag (NaN for a constant or too short series).
  public static func autocorrelations(_ values: [Double], maxLag: Int) -> [Double] {
    let n = values.count
    guard n >= 2 else { return [Double](repeating: .nan, count: maxLag) }
    let mean = values.reduce(0, +) / Double(n)
    let centred = values.map { $0 - mean }
    let denominator = centred.reduce(0) { $0 + $1 * $1 }
    return (1...max(maxLag, 1)).map { k in
      guard k < n, denominator > 0 else { return .nan }
      var sum = 0.0
      for t in k..<n { sum += centred[t] * centred[t - k] }
      return sum / denominator
    }
  }
}
