/// The summary as JSON, in the shape scripts depend on (docs/summary-json.md):
///
/// ```
/// {"parameters": [...], "effects": [...], "price": {...}, "promotion": {...},
///  "google": {...}, "fit": {...} | null, "diagnostics": {...}, "assumption": "..."}
/// ```
///
/// Undefined numbers (NaN: an R-hat of a constant column, say) and unknown ones are null.
extension RunSummary {
  public var json: JSONValue {
    [
      "parameters": .array(parameters.map(\.json)),
      "effects": .array(effects.map(\.json)),
      "price": price.json,
      "promotion": promotion.json,
      "google": google.json,
      "fit": fit?.json ?? .null,
      "diagnostics": diagnostics.json,
      "assumption": .string(assumption),
    ]
  }

  /// Pretty-printed JSON text with a final newline.
  public func jsonText() -> String { json.serialized(pretty: true) + "\n" }
}
