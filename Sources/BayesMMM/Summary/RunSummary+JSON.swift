/// The summary as JSON, in the shape scripts depend on (docs/summary-json.md):
///
/// ```
/// {"parameters": [...], "effects": [...], "price": {...}, "promotion": {...},
///  "google": {...}, "fit": {...} | null, "diagnostics": {...}, "assumption": "..."}
/// ```
///
/// `price` and `promotion` are left out when the model has no such term, `lift_tests`
/// (`LiftTestSummary.json`) for a run without lift tests.
///
/// Undefined numbers (NaN: an R-hat of a constant column, say) and unknown ones are null.
extension RunSummary {
  public var json: JSONValue {
    let members: [(key: String, value: JSONValue?)] = [
      ("parameters", .array(parameters.map(\.json))),
      ("effects", .array(effects.map(\.json))),
      ("lift_tests", liftTests.isEmpty ? nil : .array(liftTests.map(\.json))),
      ("price", price?.json),
      ("promotion", promotion?.json),
      ("google", google.json),
      ("fit", fit?.json ?? .null),
      ("diagnostics", diagnostics.json),
      ("assumption", .string(assumption)),
    ]
    return .object(
      members.compactMap { member in member.value.map { (key: member.key, value: $0) } })
  }

  /// Pretty-printed JSON text with a final newline.
  public func jsonText() -> String { json.serialized(pretty: true) + "\n" }
}
