#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A synthetic dataset simulated from the joint model, in the bundled file's schema, with
/// the parameters that generated it.
///
/// ```swift
/// let priors = try PriorsConfiguration(contentsOf: "priors/default.json")
/// let simulated = try SimulatedDataset.simulate(weeks: 104, seed: 7, configuration: priors)
/// try AtomicFileWriter.write(simulated.csv, to: "data.csv")
/// simulated.model          // what `bayes-mmm sample --data data.csv` fits
/// simulated.truth          // the true parameters, at that model's scales
/// ```
///
/// Steps: a `SyntheticCampaign` plan of `weeks` weeks (spend with flighting, price,
/// promotions); parameters drawn from the priors (or read from a `TruthFile`); Google spend
/// and revenue from `OutcomeSimulator` at `simulationScales` (the hurdle mediator, then
/// revenue from the outcome equation with the floor of 1.00 when censoring is on); the
/// values rounded to cents (a positive amount never rounds to 0: at least 0.01) and written
/// as CSV; the CSV parsed back exactly as `check-data` reads it. The truth is then restated
/// at the scales of the parsed data (`ParameterLayout.rescaled`), so it can be compared one
/// to one with a fit of the CSV.
///
/// Random streams of `seed`: 1 for the prior draw, 2 for the outcomes, 1000 and up for the
/// plan. The same arguments give the same bytes.
///
/// The floor is known, not detected: with censoring on, every simulated week at 1.00 is
/// censored in `dataset` (`WeeklyDataset.knowingFloor`), so SBC and coverage fit the model
/// that made the data. A fit of the written CSV (`sample --data`) detects the floor by
/// `OutcomeFloor`'s rule instead, which takes fewer than 3 weeks at 1.00 as observations.
public struct SimulatedDataset: Sendable {
  public let campaign: SyntheticCampaign
  /// The priors and settings of the simulation (also those of a fit of the data).
  public let configuration: PriorsConfiguration
  /// The CSV text (schema of `data/mmm_weekly.csv`).
  public let csv: String
  /// `csv` parsed back with the default column roles.
  public let dataset: WeeklyDataset
  /// The joint model on `dataset`: scales and centring from the data, as `sample` builds it.
  public let model: JointModel
  /// True constrained parameters in `model.layout` order, at `dataScales`.
  public let truth: [Double]
  /// The scales the outcomes were simulated at (where `simulationTruth` applies).
  public let simulationScales: OutcomeScales
  public let simulationTruth: [Double]
  /// The scales of `model` (mean revenue, mean Google spend over its on weeks).
  public let dataScales: OutcomeScales
  /// "priors" or the truth file's path.
  public let truthSource: String
  public let seed: UInt64

  /// Simulates a dataset; see the type's description.
  /// - Parameters:
  ///   - weeks: number of weeks T (>= 8).
  ///   - truth: parameters to use instead of a prior draw.
  /// - Throws: `SimulationError` when the truth file does not fit the model or the data
  ///   cannot be fitted (Google never on, ...), `DataError` if the CSV does not load.
  public static func simulate(
    weeks: Int, seed: UInt64, configuration: PriorsConfiguration, truth: TruthFile? = nil
  ) throws -> SimulatedDataset {
    guard weeks >= 8 else {
      throw SimulationError.invalidSettings("Simulate at least 8 weeks (got \(weeks)).")
    }
    let settings = configuration.settings
    let campaign = SyntheticCampaign.generate(weeks: weeks, seed: seed)
    let scales = truth?.scales ?? .reference
    let inputs = campaign.modelInputs(scales: scales, settings: settings)
    let generator = try JointModel(inputs: inputs, configuration: configuration)
    let parameters =
      try truth?.parameters(for: generator.layout, priors: generator.priors)
      ?? generator.priors.sample(
        using: GSLRandom(runSeed: seed, stream: RandomStreams.simulatedTruth.first))
    let outcome = OutcomeSimulator.simulate(
      model: generator, parameters: parameters,
      random: GSLRandom(runSeed: seed, stream: RandomStreams.simulatedOutcome.first))
    guard outcome.mediatorSpend.contains(where: { $0 > 0 }) else {
      throw SimulationError.degenerateData(
        "Google spend was never on in the simulated weeks (logit P(on) is far below 0 at "
          + "these parameters); use another --seed or truth.")
    }
    let revenue = outcome.revenue.map { max(WeeklyCSVText.rounded($0, decimals: 2), 0.01) }
    let google = outcome.mediatorSpend.map {
      $0 > 0 ? max(WeeklyCSVText.rounded($0, decimals: 2), 0.01) : 0
    }
    let roles = ColumnRoles()
    var series: [(name: String, values: [Double], decimals: Int)] = []
    series += zip(campaign.socialNames, campaign.social).map { ($0, $1, 2) }
    series.append((roles.mediator, google, 2))
    series += zip(campaign.ownedNames, campaign.owned).map { ($0, $1, 0) }
    series.append(("social_followers", campaign.followers, 0))
    if let price = roles.price { series.append((price, campaign.price, 2)) }
    if let promotion = roles.promotion { series.append((promotion, campaign.promotion, 0)) }
    series.append((roles.outcome, revenue, 2))
    let csv = WeeklyCSVText.text(dates: campaign.dates, series: series)

    let parsed = try WeeklyDataset.parse(
      bytes: Array(csv.utf8), source: "simulated data (seed \(seed))", roles: roles)
    // The simulation knows its floor; the detection rule would miss one or two floor weeks.
    let dataset = inputs.floorValue.map { parsed.knowingFloor($0) } ?? parsed
    let model = try JointModel(
      inputs: ModelInputs(dataset: dataset, settings: settings), configuration: configuration)
    let dataScales = OutcomeScales(
      revenue: model.inputs.revenueScale, mediator: model.inputs.mediatorScale)
    return SimulatedDataset(
      campaign: campaign, configuration: configuration, csv: csv, dataset: dataset,
      model: model,
      truth: model.layout.rescaled(parameters, from: scales, to: dataScales),
      simulationScales: scales, simulationTruth: parameters, dataScales: dataScales,
      truthSource: truth?.source ?? "priors", seed: seed)
  }

  /// The truth by parameter name, in layout order.
  public var namedTruth: [(name: String, value: Double)] {
    zip(model.layout.names, truth).map { (name: $0, value: $1) }
  }

  /// truth.json: seed, weeks, model settings, the data's scales, the parameters at those
  /// scales, derived quantities (the revenue elasticity at the median price, promotion
  /// lift as a share), and `effects` as given (the
  /// true direct, indirect and total effects per social channel).
  public func truthDocument(effects: JSONValue) -> JSONValue {
    let layout = model.layout
    let parameters = namedTruth.map { (key: $0.name, value: JSONValue.number($0.value)) }
    return [
      "seed": .number(Double(seed)),
      "weeks": .number(Double(dataset.weekCount)),
      "truth_source": .string(truthSource),
      "model": configuration.settings.json,
      "scales": [
        "revenue": .number(dataScales.revenue), "google_spend": .number(dataScales.mediator),
      ],
      "parameters": .object(parameters),
      "derived": .object(
        [
          layout.priceResponse.map {
            (
              key: "price_elasticity",
              value: .number($0.elasticity(at: 0, layout.priceTheta(truth)))
            )
          },
          layout.promoLift.map { (key: "promo_lift_share", value: .number(expm1(truth[$0]))) },
        ].compactMap { $0 }),
      "effects": effects,
    ]
  }
}
