#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the posterior says about price, for any `PriceResponseForm` (MODEL.md 8): the
/// revenue elasticity at the median price and across the observed range, the choke price
/// where the form has one, and where revenue peaks.
///
/// ```swift
/// let analysis = PriceAnalysis(model: model, theta: draws.map(model.layout.priceTheta))!
/// analysis.elasticityAtMedian.median           // d log revenue / d log price
/// analysis.revenueMaximisingPrice.insideShare  // share of draws peaking inside the range
/// ```
///
/// Every figure is per draw of theta, then summarised over draws. The revenue-maximising
/// price maximises the price term g over an even grid of `gridPoints` prices spanning the
/// observed range: a draw whose maximum sits at an end of the range with g still rising
/// towards it has its peak outside (below the lowest or above the highest observed price)
/// and is counted there, not in the price's statistics.
public struct PriceAnalysis: Sendable, Equatable {
  /// The revenue elasticity at one price.
  public struct ElasticityAt: Sendable, Equatable {
    /// Price, currency.
    public let price: Double
    /// Its label: "lowest", "25%", "median", "75%", "highest" observed.
    public let label: String
    public let elasticity: PosteriorStatistics
  }

  /// Where the draws' revenue peaks, relative to the observed prices.
  public struct Peak: Sendable, Equatable {
    /// Shares of draws (in [0, 1]) peaking below, inside and above the observed range.
    public let belowShare: Double
    public let insideShare: Double
    public let aboveShare: Double
    /// The peak price (currency) over the draws that peak inside; nil when none does.
    public let insidePrice: PosteriorStatistics?
  }

  public let form: PriceResponseForm
  /// The median observed price (fitted weeks), currency.
  public let medianPrice: Double
  /// The lowest and highest observed prices, currency.
  public let observedRange: ClosedRange<Double>
  public let elasticityAtMedian: PosteriorStatistics
  /// At the lowest, 25%, median, 75% and highest observed price.
  public let elasticityAcrossRange: [ElasticityAt]
  /// (1 + c) x median price under `linearDemand`, currency; nil for the other forms.
  public let chokePrice: PosteriorStatistics?
  public let revenueMaximisingPrice: Peak

  /// Grid points of the peak search over the observed range.
  public static let gridPoints = 201

  /// - Parameters:
  ///   - theta: per draw, the price parameters (`ParameterLayout.priceTheta`).
  /// Nil when the model has no price term or no draws.
  public init?(model: JointModel, theta: [[Double]]) {
    let inputs = model.inputs
    guard let response = model.layout.priceResponse, let median = inputs.medianPrice,
      let logPrice = inputs.logPrice, !theta.isEmpty
    else { return nil }
    let fitted = Array(logPrice.prefix(inputs.centringWeeks)).sorted()
    guard let lowest = fitted.first, let highest = fitted.last else { return nil }
    form = response.form
    medianPrice = median
    observedRange = median * exp(lowest)...median * exp(highest)
    elasticityAtMedian = PosteriorStatistics(draws: theta.map { response.elasticity(at: 0, $0) })
    let points: [(String, Double)] = [
      ("lowest", lowest), ("25%", Diagnostics.quantile(sorted: fitted, probability: 0.25)),
      ("median", 0), ("75%", Diagnostics.quantile(sorted: fitted, probability: 0.75)),
      ("highest", highest),
    ]
    elasticityAcrossRange = points.map { label, x in
      ElasticityAt(
        price: median * exp(x), label: label,
        elasticity: PosteriorStatistics(draws: theta.map { response.elasticity(at: x, $0) }))
    }
    chokePrice =
      response.form == .linearDemand
      ? PosteriorStatistics(draws: theta.map { median * (1 + $0[0]) }) : nil
    revenueMaximisingPrice = Self.peak(
      response: response, theta: theta, range: lowest...highest, median: median)
  }

  private static func peak(
    response: PriceResponse, theta: [[Double]], range: ClosedRange<Double>, median: Double
  ) -> Peak {
    let step = (range.upperBound - range.lowerBound) / Double(gridPoints - 1)
    let grid = (0..<gridPoints).map { range.lowerBound + Double($0) * step }
    var below = 0
    var above = 0
    var inside: [Double] = []
    for draw in theta {
      let values = response.logRevenue(at: grid, draw)
      var best = 0
      for i in values.indices where values[i] > values[best] { best = i }
      if best == 0 && response.elasticity(at: grid[0], draw) < 0 {
        below += 1
      } else if best == gridPoints - 1 && response.elasticity(at: grid[best], draw) > 0 {
        above += 1
      } else {
        inside.append(median * exp(grid[best]))
      }
    }
    let count = Double(theta.count)
    return Peak(
      belowShare: Double(below) / count, insideShare: Double(inside.count) / count,
      aboveShare: Double(above) / count,
      insidePrice: inside.isEmpty ? nil : PosteriorStatistics(draws: inside))
  }
}
