extension Prior {
  /// Reads a prior from its priors-file object, e.g.
  /// `{"family": "normal", "mean": 0, "sd": 1}` or
  /// `{"family": "truncated_normal", "mean": 0, "sd": 1, "lower": 0}`.
  ///
  /// Family names and parameters (see `PriorFamily`): `normal` (mean, sd), `half_normal`
  /// (sd), `lognormal` (mu, sigma), `gamma` (shape, rate), `beta` (alpha, beta),
  /// `exponential` (rate), `student_t` (nu, location, scale), `half_student_t` (nu, scale),
  /// `truncated_normal` (mean, sd, and at least one of lower, upper).
  ///
  /// Checks, in this order, each failing with a `PriorsError` naming `file` and the key:
  /// 1. the value is an object: `key "x": expected an object with a "family", got a number`;
  /// 2. `family` is present, a string, and known:
  ///    `key "x.family": unknown family "betta" (expected one of normal, half_normal, ...)`;
  /// 3. no unknown keys: `key "x.scale": unknown parameter for family normal (expected
  ///    mean, sd)`;
  /// 4. every required parameter is present: `key "x": missing parameter "sd" for family
  ///    normal`;
  /// 5. parameters are numbers: `key "x.mean": expected a number, got a string`;
  /// 6. values are valid (see `init(_:)`): `key "x.sd": must be > 0, got -1`.
  ///
  /// - Parameters:
  ///   - json: the prior's object.
  ///   - keyPath: the prior's dot-separated key in the file, e.g. "hill_shape.tiktok".
  ///   - file: the file name to report, as the user gave it.
  public init(json: JSONValue, keyPath: String, file: String = "") throws {
    func failure(_ parameter: String?, _ message: String) -> PriorsError {
      PriorsError(
        file: file, keyPath: Self.keyPath(keyPath, appending: parameter), message: message)
    }
    guard let members = json.objectMembers else {
      throw failure(nil, "expected an object with a \"family\", got \(json.kindDescription)")
    }
    let expectedFamilies = "(expected one of \(PriorFamily.names.joined(separator: ", ")))"
    guard let familyValue = json["family"] else {
      throw failure(nil, "missing \"family\" \(expectedFamilies)")
    }
    guard let familyName = familyValue.stringValue else {
      throw failure("family", "expected a string, got \(familyValue.kindDescription)")
    }
    guard let schema = FamilySchema.named(familyName) else {
      throw failure("family", "unknown family \"\(familyName)\" \(expectedFamilies)")
    }
    let allowed = schema.required + schema.optional
    for member in members where member.key != "family" && !allowed.contains(member.key) {
      throw failure(
        member.key,
        "unknown parameter for family \(familyName) "
          + "(expected \(allowed.joined(separator: ", ")))")
    }
    for name in schema.required where json[name] == nil {
      throw failure(nil, "missing parameter \"\(name)\" for family \(familyName)")
    }
    var values: [String: Double] = [:]
    for name in allowed {
      guard let value = json[name] else { continue }
      guard let number = value.numberValue else {
        throw failure(name, "expected a number, got \(value.kindDescription)")
      }
      values[name] = number
    }
    try self.init(schema.make(values), file: file, keyPath: keyPath)
  }

  /// The priors-file object for this prior: `family` first, then the parameters in the
  /// order of `PriorFamily.parameters` (infinite truncation bounds omitted). Reading it back
  /// with `init(json:keyPath:file:)` gives an equal prior.
  public var json: JSONValue {
    .object(
      [(key: "family", value: .string(family.name))]
        + family.parameters.map { (key: $0.name, value: .number($0.value)) })
  }
}

/// The parameters a family takes in a priors file and how to build it from them.
private struct FamilySchema {
  let required: [String]
  let optional: [String]
  /// Builds the family; `values` holds every required parameter.
  let make: ([String: Double]) -> PriorFamily

  static func named(_ name: String) -> FamilySchema? {
    switch name {
    case "normal":
      return FamilySchema(required: ["mean", "sd"], optional: []) {
        .normal(mean: $0["mean"] ?? .nan, sd: $0["sd"] ?? .nan)
      }
    case "half_normal":
      return FamilySchema(required: ["sd"], optional: []) { .halfNormal(sd: $0["sd"] ?? .nan) }
    case "lognormal":
      return FamilySchema(required: ["mu", "sigma"], optional: []) {
        .logNormal(mu: $0["mu"] ?? .nan, sigma: $0["sigma"] ?? .nan)
      }
    case "gamma":
      return FamilySchema(required: ["shape", "rate"], optional: []) {
        .gamma(shape: $0["shape"] ?? .nan, rate: $0["rate"] ?? .nan)
      }
    case "beta":
      return FamilySchema(required: ["alpha", "beta"], optional: []) {
        .beta(alpha: $0["alpha"] ?? .nan, beta: $0["beta"] ?? .nan)
      }
    case "exponential":
      return FamilySchema(required: ["rate"], optional: []) {
        .exponential(rate: $0["rate"] ?? .nan)
      }
    case "student_t":
      return FamilySchema(required: ["nu", "location", "scale"], optional: []) {
        .studentT(
          nu: $0["nu"] ?? .nan, location: $0["location"] ?? .nan, scale: $0["scale"] ?? .nan)
      }
    case "half_student_t":
      return FamilySchema(required: ["nu", "scale"], optional: []) {
        .halfStudentT(nu: $0["nu"] ?? .nan, scale: $0["scale"] ?? .nan)
      }
    case "truncated_normal":
      return FamilySchema(required: ["mean", "sd"], optional: ["lower", "upper"]) {
        .truncatedNormal(
          mean: $0["mean"] ?? .nan, sd: $0["sd"] ?? .nan,
          lower: $0["lower"] ?? -.infinity, upper: $0["upper"] ?? .infinity)
      }
    default:
      return nil
    }
  }
}
