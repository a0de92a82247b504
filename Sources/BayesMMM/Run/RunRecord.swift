import Foundation

/// `run.json`: everything needed to understand and reuse a run folder.
///
/// Keys: `tool` ("bayes-mmm"), `kind` ("run"), `format_version`, `settings`, `data` (path,
/// sha256, weeks, dates, roles), `priors` (path and the resolved content), `scales` (currency per scaled unit, so every
/// effect maps back to currency), `channels`, `parameters` (names in chain-file order),
/// `columns`, `chain_files`, `chain_file_checks` (per chain file its sha256, draws and chain
/// id; see `ChainFileCheck`), `audit` (the data findings), `diagnostics`, `prior_shift` (per
/// parameter: prior sd, posterior sd and their ratio, see `PriorShift`), `timing`, `effects`
/// (how the generated-quantity columns were computed; see `effectsJSON`).
public enum RunRecord {
  /// The run.json layout this version writes and reads. 2: `kind` and `chain_file_checks`
  /// added (format 1 runs cannot be checked against their chain files; re-run `sample`).
  public static let formatVersion = 2

  /// The `kind` of a run folder's run.json (see `OutputOwnership`).
  public static let kind = "run"

  public static func json(for run: FitRun, chainFiles: [ChainFileCheck]) -> JSONValue {
    let prepared = run.prepared
    let data = prepared.dataset
    let inputs = prepared.model.inputs
    let settings = run.settings
    let gradients = Double(run.gradientEvaluations)
    let timing: JSONValue = [
      "wall_seconds": .number(run.wallTime),
      "gradient_evaluations": .number(gradients),
      "gradients_per_second": .number(gradients / run.wallTime),
      "min_ess_bulk_per_second": .number(run.diagnostics.minESSBulk / run.wallTime),
      "effects_seconds": .number(run.effectsWallTime),
    ]
    return [
      "tool": .string(OutputOwnership.toolName),
      "kind": .string(kind),
      "format_version": .number(Double(formatVersion)),
      "settings": [
        "chains": .number(Double(settings.chains)), "warmup": .number(Double(settings.warmup)),
        "draws": .number(Double(settings.draws)), "seed": .string(String(settings.seed)),
        "target_accept": .number(settings.targetAccept),
        "max_depth": .number(Double(settings.maxDepth)),
        "init_radius": .number(settings.initRadius),
        "metric_adaptation": .string(settings.metricAdaptation.rawValue),
        "threads": .number(Double(settings.effectiveThreads)),
      ],
      "data": [
        "path": .string(data.sourcePath), "sha256": .string(data.sha256),
        "weeks": .number(Double(data.weekCount)),
        "first_week": .string(data.dates.first ?? ""), "last_week": .string(data.dates.last ?? ""),
        "roles": encodeToJSON(data.roles),
      ],
      "priors": [
        "path": .string(prepared.configuration.source),
        "content": prepared.configuration.json,
      ],
      "scales": scales(inputs),
      "channels": [
        "social": .array(inputs.socialNames.map { .string($0) }),
        "mediator": .string(inputs.mediatorName),
        "owned": .array(inputs.ownedNames.map { .string($0) }),
        "controls": .array(inputs.controlNames.map { .string($0) }),
      ],
      "parameters": .array(prepared.model.layout.names.map { .string($0) }),
      "columns": .array(run.table.columns.map { .string($0) }),
      "chain_files": .array(chainFiles.map { .string($0.file) }),
      "chain_file_checks": .array(chainFiles.map(\.json)),
      "audit": encodeToJSON(prepared.findings),
      "diagnostics": run.diagnostics.json,
      "prior_shift": .array(PriorShift.table(for: run).map(\.json)),
      "timing": timing,
      "effects": effectsJSON(inputs: inputs, settings: run.effectSettings),
    ]
  }

  private static func scales(_ inputs: ModelInputs) -> JSONValue {
    func channels(_ names: [String], _ scales: [Double]) -> JSONValue {
      .array(zip(names, scales).map { ["column": .string($0), "scale": .number($1)] })
    }
    return [
      "revenue_scale": .number(inputs.revenueScale),
      "revenue_floor": inputs.floorValue.map { .number($0) } ?? .null,
      "censored_weeks": .number(Double(inputs.censored.filter { $0 }.count)),
      "mediator": ["column": .string(inputs.mediatorName), "scale": .number(inputs.mediatorScale)],
      "social": channels(inputs.socialNames, inputs.socialScales),
      "owned": channels(inputs.ownedNames, inputs.ownedScales),
      "median_price": inputs.medianPrice.map { .number($0) } ?? .null,
      "weeks": .number(Double(inputs.weeks)),
    ]
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
