extension Prior {
  /// The first parameter of `family` that breaks the requirements listed at `init(_:)`,
  /// with a message such as "must be > 0, got -1"; nil when all are valid. A nil
  /// `parameter` means the problem concerns the combination (truncation bounds).
  static func invalidParameter(
    in family: PriorFamily
  ) -> (parameter: String?, message: String)? {
    switch family {
    case .normal(let mean, let sd):
      return firstProblem([location("mean", mean), positive("sd", sd)])
    case .halfNormal(let sd):
      return firstProblem([positive("sd", sd)])
    case .logNormal(let mu, let sigma):
      return firstProblem([location("mu", mu), positive("sigma", sigma)])
    case .gamma(let shape, let rate):
      return firstProblem([positive("shape", shape), positive("rate", rate)])
    case .beta(let alpha, let beta):
      return firstProblem([positive("alpha", alpha), positive("beta", beta)])
    case .exponential(let rate):
      return firstProblem([positive("rate", rate)])
    case .studentT(let nu, let location, let scale):
      return firstProblem([
        positive("nu", nu), Self.location("location", location), positive("scale", scale),
      ])
    case .halfStudentT(let nu, let scale):
      return firstProblem([positive("nu", nu), positive("scale", scale)])
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      if let problem = firstProblem([location("mean", mean), positive("sd", sd)]) {
        return problem
      }
      return invalidTruncation(lower: lower, upper: upper)
    }
  }

  private static func invalidTruncation(
    lower: Double, upper: Double
  ) -> (parameter: String?, message: String)? {
    if lower.isNaN || lower == .infinity {
      return ("lower", "must be a finite number or absent, got \(readable(lower))")
    }
    if upper.isNaN || upper == -.infinity {
      return ("upper", "must be a finite number or absent, got \(readable(upper))")
    }
    if lower == -.infinity && upper == .infinity {
      return (nil, "family truncated_normal needs at least one of \"lower\", \"upper\"")
    }
    if !(lower < upper) {
      return ("upper", "must be > lower (\(readable(lower))), got \(readable(upper))")
    }
    return nil
  }

  private static func firstProblem(
    _ checks: [(parameter: String?, message: String)?]
  ) -> (parameter: String?, message: String)? {
    for case let problem? in checks { return problem }
    return nil
  }

  private static func positive(
    _ name: String, _ value: Double
  ) -> (parameter: String?, message: String)? {
    if !value.isFinite { return (name, "must be finite, got \(readable(value))") }
    if !(value > 0) { return (name, "must be > 0, got \(readable(value))") }
    return nil
  }

  private static func location(
    _ name: String, _ value: Double
  ) -> (parameter: String?, message: String)? {
    value.isFinite ? nil : (name, "must be finite, got \(readable(value))")
  }
}

/// A parameter value as messages show it ("-1", "0.25", "inf", "nan").
private func readable(_ value: Double) -> String { JSONValue.readableNumber(value) }
