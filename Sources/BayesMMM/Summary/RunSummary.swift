/// The posterior tables of a run: parameters, social effects, Google, price, promotion, fit
/// and diagnostics, ready for the text, CSV, JSON and Markdown renderers.
///
/// ```swift
/// let run = try StoredRun.read(directory: "runs/default")
/// let prepared = try run.rebuildModel(dataPath: "data/mmm_weekly.csv")
/// let summary = RunSummary(run: run, prepared: prepared, probability: 0.9)
/// print(summary.text())
/// ```
///
/// Effects come from the per-draw effect columns of the chain files (see `EffectColumns`);
/// a run without them still gets every other table, and `effectsInRun` is false. Without a
/// rebuilt model (`prepared` nil) there is no fit section.
public struct RunSummary: Sendable {
  /// The run folder as the user named it.
  public let runDirectory: String
  /// Mass of the central interval of the parameter table (`--prob`), in (0, 1).
  public let probability: Double
  public let chains: Int
  public let drawsPerChain: Int
  public let seed: UInt64
  /// run.json `data`: path, weeks and first / last week.
  public let dataPath: String?
  public let weeks: Int?
  public let firstWeek: String?
  public let lastWeek: String?
  /// One row per chain-file column after the sampler statistics, in file order, but for
  /// the log-likelihood columns (`LogLikelihoodColumns`: `loo`'s input, not quantities to
  /// summarise): the parameters, then the effects.
  public let parameters: [ParameterSummary]
  /// One row per social channel x contrast x effect; empty without effect columns.
  public let effects: [EffectSummary]
  /// Nil when the model has no price term.
  public let price: PriceSummary?
  /// Nil when the model has no promotion term (no `promo_lift` column).
  public let promotion: PromotionSummary?
  public let google: GoogleSummary
  /// Nil when no model was rebuilt.
  public let fit: FitSummary?
  public let diagnostics: DiagnosticsSummary
  /// The identifying assumption, stated next to the effects.
  public let assumption: String

  /// The run's lift tests beside the model (`addingLiftTests`); empty without tests.
  public internal(set) var liftTests: [LiftTestSummary] = []

  /// True when the chain files carry effect columns.
  public var effectsInRun: Bool { !effects.isEmpty }

  /// Computes every table.
  /// - Parameters:
  ///   - prepared: the model rebuilt from run.json (`StoredRun.rebuildModel(dataPath:)`),
  ///     for the fit section; nil leaves it out.
  ///   - probability: mass of the parameter table's central interval.
  ///   - threads: threads for the per-column diagnostics.
  public init(run: StoredRun, prepared: PreparedModel?, probability: Double = 0.9, threads: Int = 2)
  {
    runDirectory = run.directory
    self.probability = probability
    chains = run.draws.chainCount
    drawsPerChain = run.draws.drawCount
    seed = run.seed
    dataPath = run.recordedDataPath
    weeks = run.recordedWeeks
    firstWeek = run.recordedFirstWeek
    lastWeek = run.recordedLastWeek
    parameters = ParameterSummary.table(
      run.draws.selectingColumns { !LogLikelihoodColumns.contains($0) },
      probability: probability, threads: threads)
    effects = EffectSummary.rows(
      draws: run.draws, socialNames: run.socialNames, record: run.effects,
      observedSpend: prepared?.dataset.social)
    price = PriceSummary(draws: run.draws, model: prepared?.model)
    promotion = PromotionSummary(draws: run.draws)
    google = GoogleSummary(draws: run.draws, record: run.effects)
    fit = prepared.flatMap { FitSummary.compute(prepared: $0, draws: run.draws, seed: run.seed) }
    let modelParameters = Set(run.parameterNames)
    diagnostics = DiagnosticsSummary(
      statistics: run.samplerStatistics,
      columns: parameters.filter { modelParameters.contains($0.name) }.map(\.diagnostics),
      allColumns: parameters.map(\.diagnostics), maxDepth: run.maxDepth)
    assumption = IdentifyingAssumption.text(
      terms: OptionalTerms(price: price != nil, promotion: promotion != nil))
    neverOff = prepared.map { prepared in prepared.dataset.social.map { !$0.contains(0) } }
  }

  /// Per social channel, true when its spend is never 0 in the data (nil without data):
  /// the reason a "switched off" contrast is an extrapolation.
  let neverOff: [Bool]?
}
