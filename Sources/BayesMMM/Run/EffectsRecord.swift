/// The `effects` object of run.json: what the per-draw effect columns were computed with.
///
/// ```json
/// "effects": {
///   "mediator_paths": 20,
///   "google_total_spend": 330912.4,
///   "spend_change": {"facebook_spend": {"zero": 556015.5, "plus10": 55601.6}, ...},
///   "extrapolation": {"facebook_spend": {"zero": true, "plus10": false}, ...}
/// }
/// ```
///
/// `spend_change` is the hi arm's total spend minus the lo arm's, in currency (positive for
/// both contrasts); `extrapolation` is true when a contrast leaves the observed support (a
/// channel never off, switched off). The per-channel objects are read keyed by channel
/// column name (as above), by contrast first (`{"zero": {"facebook_spend": ...}}`), by the
/// 1-based channel number as a string, or as arrays in channel order, so that either
/// nesting the writer settles on reads the same.
public struct EffectsRecord: Sendable, Equatable {
  /// Simulated mediator paths per draw and arm.
  public let mediatorPaths: Int?
  /// Total observed Google spend over the window, currency.
  public let googleTotalSpend: Double?
  /// Spend change per social channel (index in channel order) and contrast, currency.
  public let spendChange: [Int: [EffectContrast: Double]]
  /// Extrapolation flag per social channel (index) and contrast.
  public let extrapolation: [Int: [EffectContrast: Bool]]

  public init(
    mediatorPaths: Int?, googleTotalSpend: Double?,
    spendChange: [Int: [EffectContrast: Double]], extrapolation: [Int: [EffectContrast: Bool]]
  ) {
    self.mediatorPaths = mediatorPaths
    self.googleTotalSpend = googleTotalSpend
    self.spendChange = spendChange
    self.extrapolation = extrapolation
  }

  /// Reads the object for the social channels `socialNames` (column names, channel order).
  public init(json: JSONValue, socialNames: [String]) {
    mediatorPaths = json["mediator_paths"]?.numberValue.flatMap { Int(exactly: $0) }
    googleTotalSpend = json["google_total_spend"]?.numberValue
    var spend: [Int: [EffectContrast: Double]] = [:]
    var flags: [Int: [EffectContrast: Bool]] = [:]
    for (index, name) in socialNames.enumerated() {
      for contrast in EffectContrast.allCases {
        let key = (index: index, name: name, contrast: contrast)
        if let value = json["spend_change"].flatMap({ Self.lookup($0, key) })?.numberValue {
          spend[index, default: [:]][contrast] = value
        }
        if let value = json["extrapolation"].flatMap({ Self.lookup($0, key) })?.boolValue {
          flags[index, default: [:]][contrast] = value
        }
      }
    }
    spendChange = spend
    extrapolation = flags
  }

  /// The entry of a per-channel, per-contrast object, in whichever nesting it uses.
  private static func lookup(
    _ json: JSONValue, _ key: (index: Int, name: String, contrast: EffectContrast)
  ) -> JSONValue? {
    let contrast = key.contrast.rawValue
    let channelKeys = [key.name, String(key.index + 1)]
    for channel in channelKeys {
      if let value = json[channel]?[contrast] { return value }
      if let value = json[contrast]?[channel] { return value }
    }
    if let value = json[contrast]?.arrayValue, key.index < value.count { return value[key.index] }
    if let list = json.arrayValue {
      if let entry = list.first(where: {
        $0["channel"]?.stringValue == key.name || $0["column"]?.stringValue == key.name
      }) {
        return entry[contrast]
      }
      if key.index < list.count { return list[key.index][contrast] }
    }
    return nil
  }
}
