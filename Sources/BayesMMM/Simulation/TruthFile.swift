import Foundation

/// A file of true parameter values for `bayes-mmm simulate --truth`: constrained values by
/// layout name, optionally with the outcome scales they are expressed at and model settings.
///
/// ```json
/// {
///   "model": {"student_t_nu": 5, "seasonality_order": 2, "censor_floor": true},
///   "scales": {"revenue": 50000, "google_spend": 3500},
///   "parameters": {"adstock_decay_social.1": 0.4, "price_elasticity": -1.2, "...": 0}
/// }
/// ```
///
/// A bare object of `name: value` pairs is read as `"parameters"`. The `truth.json` that
/// `simulate --truth-out` writes is a valid truth file (its other members are ignored), so
/// a simulation can be repeated from it. Without `"scales"` the values are taken at
/// `OutcomeScales.reference`.
public struct TruthFile: Sendable {
  /// The path the file was read from (for messages).
  public let source: String
  /// Parameter name -> constrained value.
  public let values: [String: Double]
  /// The outcome scales the values are expressed at, when the file says.
  public let scales: OutcomeScales?
  /// The file's `"model"` object, when present (validated by `PriorsConfiguration`).
  public let modelSettings: JSONValue?
  /// "parameters." when the values sit under that key, else "" (for messages).
  private let keyPrefix: String

  /// Reads and checks the file's structure (not yet its parameter names).
  public init(contentsOf path: String) throws(SimulationError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .truthFile(file: path, key: "", message: "cannot read the file")
    }
    let json: JSONValue
    do {
      json = try JSONValue(parsing: data)
    } catch {
      throw .truthFile(file: path, key: "", message: "not valid JSON (\(error))")
    }
    try self.init(json: json, source: path)
  }

  /// Checks a parsed truth document.
  public init(json: JSONValue, source: String) throws(SimulationError) {
    func fail(_ key: String, _ message: String) -> SimulationError {
      .truthFile(file: source, key: key, message: message)
    }
    guard json.objectMembers != nil else {
      throw fail("", "expected an object at the top level, got \(json.kindDescription)")
    }
    self.source = source
    let parameters = json["parameters"] ?? json
    guard let members = parameters.objectMembers else {
      throw fail("parameters", "expected an object, got \(parameters.kindDescription)")
    }
    let isWrapped = json["parameters"] != nil
    var values: [String: Double] = [:]
    for member in members {
      if !isWrapped, ["model", "scales"].contains(member.key) { continue }
      let key = isWrapped ? "parameters.\(member.key)" : member.key
      guard let number = member.value.numberValue, number.isFinite else {
        throw fail(key, "expected a finite number, got \(member.value.kindDescription)")
      }
      values[member.key] = number
    }
    self.values = values
    keyPrefix = isWrapped ? "parameters." : ""
    if let scales = json["scales"] {
      func positive(_ name: String) throws(SimulationError) -> Double {
        guard let value = scales[name]?.numberValue, value > 0, value.isFinite else {
          throw fail("scales.\(name)", "expected a positive number")
        }
        return value
      }
      self.scales = OutcomeScales(
        revenue: try positive("revenue"), mediator: try positive("google_spend"))
    } else {
      self.scales = nil
    }
    modelSettings = json["model"]
  }

  /// The values in `layout` order.
  /// - Throws: `SimulationError.truthFile` naming the first missing parameter, an unknown
  ///   name, or a value outside its prior's support (a decay of 1.2, a negative sigma).
  public func parameters(for layout: ParameterLayout, priors: [Prior]) throws(SimulationError)
    -> [Double]
  {
    let prefix = keyPrefix
    let known = Set(layout.names)
    if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
      let examples = layout.names.prefix(3).joined(separator: ", ")
      throw .truthFile(
        file: source, key: prefix + unknown,
        message: "not a parameter of the model (names look like \(examples), ...)")
    }
    var result: [Double] = []
    for (name, prior) in zip(layout.names, priors) {
      guard let value = values[name] else {
        throw .truthFile(file: source, key: prefix + name, message: "missing parameter")
      }
      guard prior.support.contains(value) else {
        throw .truthFile(
          file: source, key: prefix + name,
          message: "\(value) is outside the parameter's support \(prior.support)")
      }
      result.append(value)
    }
    return result
  }
}

extension TruthFile {
  /// `base` with the model settings of this file's `"model"` object, when it has one
  /// (validated as in a priors file; errors name the truth file and the key).
  public func configuration(basedOn base: PriorsConfiguration) throws -> PriorsConfiguration {
    guard let modelSettings else { return base }
    let json = base.json
    return try PriorsConfiguration(
      json: [
        "model": modelSettings, "priors": json["priors"] ?? [:],
        "channels": json["channels"] ?? [:],
      ], source: source)
  }
}
