/// The `effects` object of run.json read back: what the per-draw effect columns were
/// computed with.
///
/// ```json
/// "effects": {
///   "mediator_paths": 20,
///   "spend_change": {"zero": {"facebook_spend": 556015.5, ...}, "plus10": {...}},
///   "google_total_spend": 330912.4,
///   "extrapolation": {"zero": {"facebook_spend": true, ...}, "plus10": {...}}
/// }
/// ```
///
/// Read in exactly the nesting `RunRecord.effectsJSON` writes: contrast first (every
/// `EffectContrast`), then every social channel's column name. Anything else is refused
/// with a `SummaryError.badRecord` naming the key (`effects.spend_change.zero`).
///
/// `spend_change` is the hi arm's total spend minus the lo arm's, in currency (positive for
/// both contrasts); `extrapolation` is true when a contrast leaves the observed support (a
/// channel never off, switched off).
public struct EffectsRecord: Sendable, Equatable {
  /// Simulated mediator paths per draw and arm.
  public let mediatorPaths: Int
  /// Total observed Google spend over the window, currency.
  public let googleTotalSpend: Double
  /// Spend change per social channel (index in channel order) and contrast, currency.
  public let spendChange: [Int: [EffectContrast: Double]]
  /// Extrapolation flag per social channel (index) and contrast.
  public let extrapolation: [Int: [EffectContrast: Bool]]

  public init(
    mediatorPaths: Int, googleTotalSpend: Double,
    spendChange: [Int: [EffectContrast: Double]], extrapolation: [Int: [EffectContrast: Bool]]
  ) {
    self.mediatorPaths = mediatorPaths
    self.googleTotalSpend = googleTotalSpend
    self.spendChange = spendChange
    self.extrapolation = extrapolation
  }

  /// Reads the `effects` object `json` for the social channels `socialNames` (column names,
  /// channel order) of the run.json at `recordPath` (named in errors).
  public init(json: JSONValue, socialNames: [String], recordPath: String) throws(SummaryError) {
    func bad(_ key: String, _ reason: String) -> SummaryError {
      .badRecord(path: recordPath, key: key, reason: reason)
    }
    guard json.objectMembers != nil else {
      throw bad(RunRecordKey.effects.rawValue, "expected an object, got \(json.kindDescription)")
    }
    guard let paths = json[RunRecordKey.effectsMediatorPaths.name]?.numberValue,
      let mediatorPaths = Int(exactly: paths), mediatorPaths >= 1
    else {
      throw bad(RunRecordKey.effectsMediatorPaths.rawValue, "expected a positive whole number")
    }
    guard let google = json[RunRecordKey.effectsGoogleTotalSpend.name]?.numberValue else {
      throw bad(RunRecordKey.effectsGoogleTotalSpend.rawValue, "expected a number (currency)")
    }
    let read = ByContrastReader(socialNames: socialNames, bad: bad)
    self.init(
      mediatorPaths: mediatorPaths, googleTotalSpend: google,
      spendChange: try read(json, .effectsSpendChange, "a number (currency)") {
        $0.numberValue
      },
      extrapolation: try read(json, .effectsExtrapolation, "true or false") { $0.boolValue })
  }

  /// Reads one per-contrast, per-channel object: `{"<contrast>": {"<channel>": value}}`.
  private struct ByContrastReader {
    let socialNames: [String]
    let bad: (String, String) -> SummaryError

    func callAsFunction<Value>(
      _ effects: JSONValue, _ key: RunRecordKey, _ expected: String,
      _ value: (JSONValue) -> Value?
    ) throws(SummaryError) -> [Int: [EffectContrast: Value]] {
      let contrastNames = EffectContrast.allCases.map(\.rawValue)
      let nesting =
        "{"
        + contrastNames.map { "\"\($0)\": {\"<channel column>\": ...}" }
        .joined(separator: ", ") + "}"
      guard let byContrast = effects[key.name]?.objectMembers else {
        throw bad(key.rawValue, "expected an object \(nesting), as sample writes it")
      }
      if let stray = byContrast.first(where: { !contrastNames.contains($0.key) }) {
        throw bad(
          key.path(stray.key),
          "not a contrast (expected \(contrastNames.joined(separator: ", ")) first: \(nesting))")
      }
      var table: [Int: [EffectContrast: Value]] = [:]
      for contrast in EffectContrast.allCases {
        guard let byChannel = effects[key.name]?[contrast.rawValue],
          byChannel.objectMembers != nil
        else {
          throw bad(
            key.path(contrast.rawValue), "expected an object keyed by channel column: \(nesting)")
        }
        for (index, name) in socialNames.enumerated() {
          guard let entry = byChannel[name].flatMap(value) else {
            throw bad(key.path(contrast.rawValue, name), "expected \(expected)")
          }
          table[index, default: [:]][contrast] = entry
        }
      }
      return table
    }
  }
}
