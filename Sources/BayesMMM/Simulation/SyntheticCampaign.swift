#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The weekly inputs of a synthetic marketing plan: dates, flighted social spend, owned
/// channels, price and promotions. Revenue and Google spend are not part of it: they are
/// simulated from the model on top of it (`SimulatedDataset`, `OutcomeSimulator`).
///
/// ```swift
/// let plan = SyntheticCampaign.generate(weeks: 104, seed: 7)
/// plan.social[0]          // facebook: on every week
/// plan.social[2]          // instagram: blocks of weeks on, blocks off
/// let inputs = plan.modelInputs(scales: .reference, settings: ModelSettings())
/// ```
///
/// How each series is made (all amounts in currency, volumes in sends):
/// - the first social channel (facebook in the default schema) is always on, around 5,350 a
///   week (uniform +-38%, a coefficient of variation of 0.22 as on the bundled file); every
///   other social channel is flighted: runs of 3-10 weeks on at
///   a channel level of 1,500-3,500 (+-40% per week) alternate with runs of 3-12 weeks off,
///   starting on or off at random (a channel that never came on gets its first week on);
/// - owned channels are always on: the first around 120,000 sends (+-36%), the others around
///   23,600 (+-48%), as emails and SMS on the bundled file;
/// - price is 100 x exp(N(0, 0.065)), rounded to cents (the bundled file's log price has sd
///   0.065); promotions are 0/1 with probability 0.21, independently per week;
/// - followers (`social_followers`, downstream of social spend and unused by the model)
///   start at 50,000 and grow by one per 10 currency units of social spend;
/// - dates are weekly from `startDate` (a Sunday, 2023-09-17 by default).
///
/// Every random number comes from `GSLRandom(runSeed: seed, stream: 1000 + k)` for series k,
/// so a plan is a pure function of its arguments.
public struct SyntheticCampaign: Sendable {
  /// ISO dates, one per week.
  public let dates: [ISODate]
  public let socialNames: [String]
  /// Social spend, channel-major `[S][T]`, currency.
  public let social: [[Double]]
  public let ownedNames: [String]
  /// Owned channel volumes `[O][T]`.
  public let owned: [[Double]]
  /// Average price per week, currency.
  public let price: [Double]
  /// Promotion flag per week, 0 or 1.
  public let promotion: [Double]
  /// Social followers per week (not a model input).
  public let followers: [Double]

  /// Number of weeks T.
  public var weeks: Int { dates.count }

  /// ISO week of the year of each week.
  public var weekOfYear: [Int] { dates.map(\.isoWeekOfYear) }

  /// Generates a plan of `weeks` weeks (>= 1) with the default schema's channel names, or
  /// the given ones.
  public static func generate(
    weeks: Int, seed: UInt64,
    socialNames: [String] = ColumnRoles().social, ownedNames: [String] = ColumnRoles().owned,
    startDate: ISODate = ISODate(dayNumber: 19_617)
  ) -> SyntheticCampaign {
    precondition(weeks >= 1, "a plan needs at least one week")
    let dates = (0..<weeks).map { ISODate(dayNumber: startDate.dayNumber + 7 * $0) }
    var stream = RandomStreams.campaignSeries.first
    func nextRandom() -> GSLRandom {
      defer { stream += 1 }
      return GSLRandom(runSeed: seed, stream: stream)
    }
    let social = socialNames.indices.map { index -> [Double] in
      let rng = nextRandom()
      return index == 0
        ? alwaysOn(weeks: weeks, level: 5350, spread: 0.38, rng: rng)
        : flighted(weeks: weeks, rng: rng)
    }
    let owned = ownedNames.indices.map { index -> [Double] in
      alwaysOn(
        weeks: weeks, level: index == 0 ? 120_000 : 23_600, spread: index == 0 ? 0.36 : 0.48,
        rng: nextRandom()
      ).map { $0.rounded() }
    }
    let priceRandom = nextRandom()
    let price = (0..<weeks).map { _ in
      (100 * exp(priceRandom.normal(mean: 0, sd: 0.065)) * 100).rounded() / 100
    }
    let promoRandom = nextRandom()
    var promotion = (0..<weeks).map { _ in promoRandom.bernoulli(0.21) ? 1.0 : 0.0 }
    // A constant regressor is an audit error: make sure both values occur.
    if weeks >= 2, Set(promotion).count == 1 { promotion[0] = 1 - promotion[0] }
    var followers: [Double] = []
    var count = 50_000.0
    for t in 0..<weeks {
      count += social.reduce(0) { $0 + $1[t] } / 10
      followers.append(count.rounded())
    }
    return SyntheticCampaign(
      dates: dates, socialNames: socialNames, social: social, ownedNames: ownedNames,
      owned: owned, price: price, promotion: promotion, followers: followers)
  }

  /// Around `level`, uniform within +-`spread` (relative), rounded to cents.
  private static func alwaysOn(weeks: Int, level: Double, spread: Double, rng: GSLRandom)
    -> [Double]
  {
    (0..<weeks).map { _ in (level * rng.uniform(1 - spread, 1 + spread) * 100).rounded() / 100 }
  }

  /// Blocks of 3-10 weeks on and 3-12 weeks off, see the type's description.
  private static func flighted(weeks: Int, rng: GSLRandom) -> [Double] {
    let level = rng.uniform(1500, 3500)
    var values: [Double] = []
    var on = rng.bernoulli(0.5)
    while values.count < weeks {
      let run = on ? 3 + rng.integer(below: 8) : 3 + rng.integer(below: 10)
      for _ in 0..<run where values.count < weeks {
        values.append(on ? (level * rng.uniform(0.6, 1.4) * 100).rounded() / 100 : 0)
      }
      on.toggle()
    }
    if values.allSatisfy({ $0 == 0 }) { values[0] = (level * 100).rounded() / 100 }
    return values
  }
}

/// The currency units of the outcome and of the mediator in which a set of model parameters
/// is expressed: log(revenue / revenue) and log(Google spend / mediator) are what the model
/// equations describe (`ModelInputs.revenueScale`, `ModelInputs.mediatorScale`).
public struct OutcomeScales: Sendable, Equatable {
  /// Currency per unit of scaled revenue (scale_y).
  public var revenue: Double
  /// Currency per unit of scaled Google spend.
  public var mediator: Double

  public init(revenue: Double, mediator: Double) {
    self.revenue = revenue
    self.mediator = mediator
  }

  /// 50,000 a week of revenue and 3,500 a week of Google spend when on: the order of the
  /// bundled data (49,054 and 3,568).
  public static let reference = OutcomeScales(revenue: 50_000, mediator: 3_500)
}

extension SyntheticCampaign {
  /// Model inputs for this plan whose outcomes are placeholders at the given scales: revenue
  /// constant at `scales.revenue` and the mediator on every week at `scales.mediator`, so
  /// that `revenueScale` and `mediatorScale` are exactly those. `OutcomeSimulator` then
  /// replaces the outcomes and keeps the scales.
  ///
  /// - Parameters:
  ///   - floor: the revenue floor in currency (left-censoring), or nil for none.
  public func modelInputs(
    scales: OutcomeScales, settings: ModelSettings, floor: Double? = 1.0
  ) -> ModelInputs {
    var inputs = ModelInputs(
      revenue: [Double](repeating: scales.revenue, count: weeks),
      floor: settings.censorFloor ? floor : nil,
      mediator: ModelInputs.Channel(
        name: ColumnRoles().mediator, values: [Double](repeating: scales.mediator, count: weeks)),
      social: zip(socialNames, social).map { ModelInputs.Channel(name: $0, values: $1) },
      owned: zip(ownedNames, owned).map { ModelInputs.Channel(name: $0, values: $1) },
      price: price, promotion: promotion, weekOfYear: weekOfYear,
      seasonalityOrder: settings.seasonalityOrder, priceForm: settings.priceResponse,
      priceKnots: settings.priceKnots)
    inputs.transforms = settings.transforms
    return inputs
  }
}
