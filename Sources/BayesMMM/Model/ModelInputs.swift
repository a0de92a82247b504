#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The numeric inputs of the joint model: scaled series and centred fixed designs.
///
/// Built once per fit from raw weekly series (currency, counts, prices). Every spend series
/// is divided by its mean over non-zero weeks, so typical active spend is about 1 and the
/// Hill half-saturation is in those units (MODEL.md 3.1); revenue is divided by its mean
/// over all weeks (floor weeks included) and modelled on the log scale (MODEL.md 3.3).
/// The scale factors are kept so every reported effect maps back to currency and weeks.
///
/// Fixed designs (trend, Fourier seasonality, promotion, log price, controls) are stored
/// centred by their mean over the weeks of the equation that uses them, so that the
/// intercept parameters are the average level of the linear predictor (MODEL.md 3.3a).
/// Layout of every design: row-major, `weeks x columns`.
public struct ModelInputs: Sendable {
  /// Number of weeks T.
  public let weeks: Int
  /// Weeks 0 ..< fitWeeks enter the likelihood (T for an ordinary fit, fewer for a
  /// rolling-origin training fit, 0 for sampling the prior). Every scale, centring constant
  /// and the median price are computed from these weeks only, so later weeks never inform
  /// the fit; with fitWeeks = 0 they are computed from all weeks.
  public let fitWeeks: Int
  /// Indices of on weeks of the mediator within the fitted weeks.
  public internal(set) var fittedMediatorOnWeeks: [Int]
  /// Weeks 0 ..< centringWeeks define scales and centring constants: `fitWeeks`, or all
  /// weeks when `fitWeeks` is 0.
  public var centringWeeks: Int { fitWeeks > 0 ? fitWeeks : weeks }
  /// Mean revenue over the fitted weeks (floor weeks included), in currency: `scale_y`.
  public let revenueScale: Double
  /// log(revenue_t / scale_y); for floor weeks, log(floor / scale_y). Length T.
  public internal(set) var logRevenue: [Double]
  /// True for weeks whose revenue sits at the floor and is treated as left-censored.
  public internal(set) var censored: [Bool]
  /// The floor in currency, when one was detected and censoring is on.
  public let floorValue: Double?

  /// Social channel names (treatments), in parameter order.
  public let socialNames: [String]
  /// Scaled social spend, channel-major `[S][T]`.
  public let socialSpend: [[Double]]
  /// Currency per scaled unit, per social channel (mean spend over non-zero weeks).
  public let socialScales: [Double]
  /// Observed social spend in currency, `[S][T]`.
  public let socialSpendCurrency: [[Double]]

  /// Name of the mediator column (Google spend).
  public let mediatorName: String
  /// Scaled mediator spend, length T (0 in off weeks).
  public internal(set) var mediatorSpend: [Double]
  /// Currency per scaled unit of the mediator.
  public let mediatorScale: Double
  /// True where the mediator spend is positive.
  public internal(set) var mediatorOn: [Bool]
  /// log of the scaled mediator spend in on weeks (0 where off).
  public internal(set) var logMediatorAmount: [Double]
  /// Indices of on weeks, ascending.
  public internal(set) var mediatorOnWeeks: [Int]

  /// Owned channel names (email, SMS), in parameter order.
  public let ownedNames: [String]
  /// Scaled owned-channel volumes, `[O][T]`.
  public let ownedSpend: [[Double]]
  /// Units per scaled unit, per owned channel.
  public let ownedScales: [Double]

  /// Median price, in currency; `log(price / medianPrice)` enters the outcome equation.
  /// Nil when the model has no price term.
  public let medianPrice: Double?
  /// log(price_t / median price), uncentred. Length T; nil without a price term.
  public let logPrice: [Double]?
  /// The price term's form and knots; nil without a price term. Only
  /// `constantElasticity` is linear in its parameter, and only then is log price a column
  /// of `revenueDesign`; the other forms enter the revenue equation through
  /// `PriceResponse.logRevenue`, centred over the fitted weeks like the media signals.
  public internal(set) var priceResponse: PriceResponse?
  /// Promotion intensity in [0, 1]. Length T; nil without a promotion term.
  public let promotion: [Double]?
  /// Linear trend on [-0.5, 0.5] over the trend's weeks (all T unless built with
  /// `trendWeeks`, after which it continues at the same slope). Length T.
  public let trend: [Double]
  /// Fourier seasonality columns `[2 * order][T]`: sin_k, cos_k of 2 pi k week / (365.25 / 7).
  public let season: [[Double]]
  /// Names and standardised values of extra outcome controls `[C][T]` (missing -> 0).
  public let controlNames: [String]
  public let controls: [[Double]]

  /// Each media channel's transform (adstock form and window); geometric for every channel
  /// unless the priors file says otherwise (`ModelSettings.transforms`).
  public var transforms: ChannelTransforms = .geometric

  /// Which optional terms the designs carry (price, promotion).
  public var terms: OptionalTerms {
    OptionalTerms(price: logPrice != nil, promotion: promotion != nil)
  }

  /// Mediator design (trend, season..., promo), centred over all weeks: `T x Pm`. A term the
  /// model does not have (`terms`) has no column.
  public let mediatorDesign: [Double]
  /// Mediator design centred over the on weeks only: `T x Pm` (off rows unused).
  public internal(set) var mediatorDesignOn: [Double]
  /// Outcome design (trend, season..., log price under constant elasticity, promo,
  /// controls...), centred: `T x Py`.
  public internal(set) var revenueDesign: [Double]
  /// Column counts of the designs.
  public let mediatorDesignColumns: Int
  public internal(set) var revenueDesignColumns: Int

  /// A week's raw inputs for building `ModelInputs` from plain arrays.
  public struct Channel: Sendable {
    public let name: String
    public let values: [Double]
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// Builds the scaled inputs.
  /// - Parameters:
  ///   - revenue: weekly revenue in currency (> 0), length T.
  ///   - floor: the left-censoring floor in currency, or nil for no censoring.
  ///   - mediator: the mediator's weekly spend in currency (>= 0, some > 0).
  ///   - social, owned: channels with weekly spend or volume (>= 0).
  ///   - price: weekly average price (> 0); promotion: intensity in [0, 1]; nil leaves the
  ///     term out of the designs (and the parameter out of the layout).
  ///   - weekOfYear: ISO week 1 ... 53 per row.
  ///   - controls: extra outcome controls with a missing mask (true = missing).
  ///   - seasonalityOrder: number of Fourier pairs (>= 0).
  ///   - priceForm, priceKnots: the price term's form and the spline's knot count.
  ///   - trendWeeks: the trend runs linearly from -0.5 at week 0 to 0.5 at week
  ///     trendWeeks - 1 and continues at that slope after it (default: all T weeks). A
  ///     forecast passes the fitted weeks, so its plan weeks continue the fit's trend.
  public init(
    revenue: [Double], floor: Double?, mediator: Channel, social: [Channel], owned: [Channel],
    price: [Double]?, promotion: [Double]?, weekOfYear: [Int],
    controls: [(channel: Channel, missing: [Bool])] = [], seasonalityOrder: Int = 2,
    fitWeeks: Int? = nil, priceForm: PriceResponseForm = .constantElasticity,
    priceKnots: Int = PriceResponse.defaultKnotCount, trendWeeks: Int? = nil
  ) {
    let weeks = revenue.count
    self.weeks = weeks
    let fitted = min(max(fitWeeks ?? weeks, 0), weeks)
    self.fitWeeks = fitted
    // The rows every scale and centring constant is computed from.
    let scaleRows = fitted > 0 ? fitted : weeks
    func prefix(_ values: [Double]) -> [Double] { Array(values.prefix(scaleRows)) }
    let revenueMean = prefix(revenue).reduce(0, +) / Double(scaleRows)
    revenueScale = revenueMean
    let censored = revenue.map { value in floor.map { value <= $0 } ?? false }
    self.censored = censored
    floorValue = floor
    logRevenue = revenue.map { log($0 / revenueMean) }

    socialNames = social.map(\.name)
    socialScales = social.map { Self.activeMean(prefix($0.values)) }
    socialSpend = zip(social, socialScales).map { channel, scale in
      channel.values.map { $0 / scale }
    }
    socialSpendCurrency = social.map(\.values)

    mediatorName = mediator.name
    let mediatorScale = Self.activeMean(prefix(mediator.values))
    self.mediatorScale = mediatorScale
    mediatorSpend = mediator.values.map { $0 / mediatorScale }
    mediatorOn = mediator.values.map { $0 > 0 }
    logMediatorAmount = mediatorSpend.map { $0 > 0 ? log($0) : 0 }
    mediatorOnWeeks = mediator.values.indices.filter { mediator.values[$0] > 0 }
    fittedMediatorOnWeeks = mediatorOnWeeks.filter { $0 < fitted }

    ownedNames = owned.map(\.name)
    ownedScales = owned.map { Self.activeMean(prefix($0.values)) }
    ownedSpend = zip(owned, ownedScales).map { channel, scale in channel.values.map { $0 / scale } }

    let median = price.map { price in
      let sortedPrice = prefix(price).sorted()
      return scaleRows % 2 == 1
        ? sortedPrice[scaleRows / 2]
        : 0.5 * (sortedPrice[scaleRows / 2 - 1] + sortedPrice[scaleRows / 2])
    }
    medianPrice = median
    var logPrice: [Double]?
    if let price, let median { logPrice = price.map { log($0 / median) } }
    self.logPrice = logPrice
    priceResponse = logPrice.map { logPrice in
      PriceResponse(form: priceForm, logPrices: prefix(logPrice), knotCount: priceKnots)
    }
    self.promotion = promotion
    let trendSpan = trendWeeks ?? weeks
    trend = (0..<weeks).map { trendSpan > 1 ? Double($0) / Double(trendSpan - 1) - 0.5 : 0 }
    season = Self.fourier(weekOfYear: weekOfYear, order: seasonalityOrder)
    controlNames = controls.map(\.channel.name)
    self.controls = controls.map {
      Self.standardise($0.channel.values, missing: $0.missing, rows: scaleRows)
    }

    let mediatorColumns = Self.mediatorColumns(trend: trend, season: season, promotion: promotion)
    let revenueColumns = Self.revenueColumns(
      trend: trend, season: season, logPrice: logPrice, form: priceForm, promotion: promotion,
      controls: self.controls)
    mediatorDesignColumns = mediatorColumns.count
    revenueDesignColumns = revenueColumns.count
    let allWeeks = Array(0..<scaleRows)
    let onWeeks = fitted > 0 ? fittedMediatorOnWeeks : mediatorOnWeeks
    mediatorDesign = Self.centredDesign(mediatorColumns, over: allWeeks)
    mediatorDesignOn = Self.centredDesign(
      mediatorColumns, over: onWeeks)
    revenueDesign = Self.centredDesign(revenueColumns, over: allWeeks)
  }

  /// The mediator design's columns: trend, season..., promotion (when there is one).
  static func mediatorColumns(trend: [Double], season: [[Double]], promotion: [Double]?)
    -> [[Double]]
  {
    [trend] + season + (promotion.map { [$0] } ?? [])
  }

  /// The revenue design's columns: trend, season..., log price (constant elasticity only),
  /// promotion (when there is one), controls...
  static func revenueColumns(
    trend: [Double], season: [[Double]], logPrice: [Double]?, form: PriceResponseForm,
    promotion: [Double]?, controls: [[Double]]
  ) -> [[Double]] {
    let priceColumn = form == .constantElasticity ? logPrice : nil
    return [trend] + season + [priceColumn, promotion].compactMap { $0 } + controls
  }

  /// The same inputs with the price term of another form (and knot count): the price
  /// response and the revenue design, which holds log price only under constant elasticity,
  /// are rebuilt; everything else is unchanged. Self when nothing changes.
  public func withPriceForm(_ form: PriceResponseForm, knots: Int) -> ModelInputs {
    guard let logPrice,
      priceResponse
        != PriceResponse(
          form: form, logPrices: Array(logPrice.prefix(centringWeeks)), knotCount: knots)
    else { return self }
    var inputs = self
    inputs.priceResponse = PriceResponse(
      form: form, logPrices: Array(logPrice.prefix(centringWeeks)), knotCount: knots)
    let columns = Self.revenueColumns(
      trend: trend, season: season, logPrice: logPrice, form: form, promotion: promotion,
      controls: controls)
    inputs.revenueDesignColumns = columns.count
    inputs.revenueDesign = Self.centredDesign(columns, over: Array(0..<centringWeeks))
    return inputs
  }

  /// Mean over the non-zero entries (1 when there are none, so scaling is a no-op).
  static func activeMean(_ values: [Double]) -> Double {
    let active = values.filter { $0 > 0 }
    return active.isEmpty ? 1 : active.reduce(0, +) / Double(active.count)
  }

  /// Fourier terms of the ISO week with period 365.25 / 7 weeks: [sin 1, cos 1, sin 2, ...].
  static func fourier(weekOfYear: [Int], order: Int) -> [[Double]] {
    let period = 365.25 / 7
    var columns: [[Double]] = []
    for k in stride(from: 1, through: order, by: 1) {
      let angle = weekOfYear.map { 2 * Double.pi * Double(k) * Double($0) / period }
      columns.append(angle.map(sin))
      columns.append(angle.map(cos))
    }
    return columns
  }

  /// z-scores over the observed entries of the first `rows`; missing entries become 0 (the
  /// observed mean).
  static func standardise(_ values: [Double], missing: [Bool], rows: Int) -> [Double] {
    let observed = (0..<rows).filter { !missing[$0] }.map { values[$0] }
    guard !observed.isEmpty else { return values.map { _ in 0 } }
    let mean = observed.reduce(0, +) / Double(observed.count)
    let variance = observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(observed.count)
    let sd = variance > 0 ? variance.squareRoot() : 1
    return values.indices.map { missing[$0] ? 0 : (values[$0] - mean) / sd }
  }

  /// Row-major `T x P` design with each column centred by its mean over `rows`.
  static func centredDesign(_ columns: [[Double]], over rows: [Int]) -> [Double] {
    let weeks = columns.first?.count ?? 0
    let width = columns.count
    var means = [Double](repeating: 0, count: width)
    for (j, column) in columns.enumerated() where !rows.isEmpty {
      means[j] = rows.reduce(0) { $0 + column[$1] } / Double(rows.count)
    }
    var design = [Double](repeating: 0, count: weeks * width)
    for t in 0..<weeks {
      for j in 0..<width { design[t * width + j] = columns[j][t] - means[j] }
    }
    return design
  }
}
