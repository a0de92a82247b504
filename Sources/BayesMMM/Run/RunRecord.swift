import Foundation

/// `run.json`: everything needed to understand and reuse a run folder.
///
/// Keys (named once, in `RunRecordKey`, which the reader `StoredRun` uses too): `tool`
/// ("bayes-mmm"), `kind` ("run"), `format_version`, `settings`, `data` (path,
/// sha256, weeks, dates, roles), `priors` (path and the resolved content), `scales` (currency per scaled unit, so every
/// effect maps back to currency), `channels`, `parameters` (names in chain-file order),
/// `columns` (every chain-file column after the sampler statistics: parameters, effects,
/// log likelihood), `chain_files`, `chain_file_checks` (per chain file its sha256, draws and chain
/// id; see `ChainFileCheck`), `audit` (the data findings), `diagnostics`, `prior_shift` (per
/// parameter: prior sd, posterior sd and their ratio, see `PriorShift`), `timing`, `effects`
/// (how the generated-quantity columns were computed; see `effectsJSON`), `lift_tests` (the
/// lift-test file of the fit, null without; see `LiftTestFile+Record`).
public enum RunRecord {
  /// The run.json layout this version writes and reads. 2: `kind` and `chain_file_checks`
  /// added (format 1 runs cannot be checked against their chain files; re-run `sample`).
  /// The log-likelihood columns (`LogLikelihoodColumns`) came later within version 2: a run
  /// without them reads as before, and `loo` recomputes its terms from the parameters.
  public static let formatVersion = 2

  /// The `kind` of a run folder's run.json (see `OutputOwnership`).
  public static let kind = "run"

  /// run.json of `run`: the marker (`OutputOwnership.marked`), then the keys of
  /// `RunRecordKey` in this order.
  public static func json(for run: FitRun, chainFiles: [ChainFileCheck]) -> JSONValue {
    let prepared = run.prepared
    let data = prepared.dataset
    let inputs = prepared.model.inputs
    let settings = run.settings
    let gradients = Double(run.gradientEvaluations)
    let timing: JSONValue = .object(keyed: [
      .timingWallSeconds: .number(run.wallTime),
      .timingGradientEvaluations: .number(gradients),
      .timingGradientsPerSecond: .number(gradients / run.wallTime),
      .timingMinESSBulkPerSecond: .number(run.diagnostics.minESSBulk / run.wallTime),
      .timingEffectsSeconds: .number(run.effectsWallTime),
      .timingLogLikelihoodSeconds: .number(run.logLikelihoodWallTime),
    ])
    let record: JSONValue = .object(keyed: [
      .formatVersion: .number(Double(formatVersion)),
      .settings: .object(keyed: [
        .settingsChains: .number(Double(settings.chains)),
        .settingsWarmup: .number(Double(settings.warmup)),
        .settingsDraws: .number(Double(settings.draws)),
        .settingsSeed: .string(String(settings.seed)),
        .settingsTargetAccept: .number(settings.targetAccept),
        .settingsMaxDepth: .number(Double(settings.maxDepth)),
        .settingsInitRadius: .number(settings.initRadius),
        .settingsMetricAdaptation: .string(settings.metricAdaptation.rawValue),
        .settingsThreads: .number(Double(settings.effectiveThreads)),
      ]),
      .data: .object(keyed: [
        .dataPath: .string(data.sourcePath), .dataSHA256: .string(data.sha256),
        .dataWeeks: .number(Double(data.weekCount)),
        .dataFirstWeek: .string(data.dates.first ?? ""),
        .dataLastWeek: .string(data.dates.last ?? ""),
        .dataRoles: encodeToJSON(data.roles),
      ]),
      .priors: .object(keyed: [
        .priorsPath: .string(prepared.configuration.source),
        .priorsContent: prepared.configuration.json,
      ]),
      .scales: scales(inputs),
      .channels: .object(keyed: [
        .channelsSocial: .array(inputs.socialNames.map { .string($0) }),
        .channelsMediator: .string(inputs.mediatorName),
        .channelsOwned: .array(inputs.ownedNames.map { .string($0) }),
        .channelsControls: .array(inputs.controlNames.map { .string($0) }),
      ]),
      .parameters: .array(prepared.model.layout.names.map { .string($0) }),
      .columns: .array(run.table.columns.map { .string($0) }),
      .chainFiles: .array(chainFiles.map { .string($0.file) }),
      .chainFileChecks: .array(chainFiles.map(\.json)),
      .audit: encodeToJSON(prepared.findings),
      .diagnostics: run.diagnostics.json,
      .priorShift: .array(PriorShift.table(for: run).map(\.json)),
      .timing: timing,
      .effects: effectsJSON(inputs: inputs, settings: run.effectSettings),
      .liftTests: prepared.liftTestFile?.recordJSON ?? .null,
    ])
    return OutputOwnership.marked(record, kind: kind)
  }

  private static func scales(_ inputs: ModelInputs) -> JSONValue {
    func channels(_ names: [String], _ scales: [Double], column: RunRecordKey, scale: RunRecordKey)
      -> JSONValue
    {
      .array(
        zip(names, scales).map { .object(keyed: [column: .string($0), scale: .number($1)]) })
    }
    return .object(keyed: [
      .scalesRevenueScale: .number(inputs.revenueScale),
      .scalesRevenueFloor: inputs.floorValue.map { .number($0) } ?? .null,
      .scalesCensoredWeeks: .number(Double(inputs.censored.filter { $0 }.count)),
      .scalesMediator: .object(keyed: [
        .scalesMediatorColumn: .string(inputs.mediatorName),
        .scalesMediatorScale: .number(inputs.mediatorScale),
      ]),
      .scalesSocial: channels(
        inputs.socialNames, inputs.socialScales, column: .scalesSocialColumn,
        scale: .scalesSocialScale),
      .scalesOwned: channels(
        inputs.ownedNames, inputs.ownedScales, column: .scalesOwnedColumn,
        scale: .scalesOwnedScale),
      .scalesMedianPrice: inputs.medianPrice.map { .number($0) } ?? .null,
      .scalesWeeks: .number(Double(inputs.weeks)),
    ])
  }

  /// A Codable value as JSONValue (through Foundation's encoder; keys sorted).
  static func encodeToJSON<T: Encodable>(_ value: T) -> JSONValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(value), let json = try? JSONValue(parsing: data) else {
      return .null
    }
    return json
  }
}
