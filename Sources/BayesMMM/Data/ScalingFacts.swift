/// Scale factors the model divides by, recorded with every run so effects can be reported in
/// the data's own units (MODEL.md 3).
///
/// ```swift
/// data.scales.outcomeMean                              // scale_y = 49,053.95 on the bundled file
/// data.scales.spendNonZeroMean(of: "google_spend")     // 3,568.05: typical active spend -> 1
/// data.scales.medianPrice                              // 99.49: log(price / median price)
/// ```
public struct ScalingFacts: Codable, Equatable, Sendable {
  /// Mean of one spend channel over its non-zero weeks.
  public struct ChannelScale: Codable, Equatable, Sendable {
    public let column: String
    public let nonZeroMean: Double

    enum CodingKeys: String, CodingKey {
      case column
      case nonZeroMean = "nonzero_mean"
    }
  }

  /// Mean outcome over all weeks, floor weeks included (scale_y).
  public let outcomeMean: Double
  /// Per spend channel (mediator, social, owned, in role order): mean over weeks with spend.
  public let spend: [ChannelScale]
  /// Median price: the reference of log(price / median price); nil without a price (JSON
  /// null).
  public let medianPrice: Double?

  init(outcome: [Double], spend: [(String, [Double])], price: [Double]?) {
    outcomeMean = Statistics.mean(outcome)
    self.spend = spend.map { name, values in
      ChannelScale(column: name, nonZeroMean: Statistics.mean(values.filter { $0 != 0 }))
    }
    medianPrice = price.map(Statistics.median)
  }

  public func encode(to encoder: any Encoder) throws {
    var keyed = encoder.container(keyedBy: CodingKeys.self)
    try keyed.encode(outcomeMean, forKey: .outcomeMean)
    try keyed.encode(spend, forKey: .spend)
    try keyed.encode(medianPrice, forKey: .medianPrice)
  }

  /// The non-zero mean of `column`, if it is a spend channel.
  public func spendNonZeroMean(of column: String) -> Double? {
    spend.first { $0.column == column }?.nonZeroMean
  }

  enum CodingKeys: String, CodingKey {
    case outcomeMean = "outcome_mean"
    case spend = "spend_nonzero_mean"
    case medianPrice = "median_price"
  }
}
