/// Fixed model settings read from a priors file's `"model"` object.
public struct ModelSettings: Sendable, Equatable {
  /// Degrees of freedom nu of the Student-t revenue noise (`student_t_nu`, > 0; default 5).
  public var studentTDegrees: Double = 5
  /// Number of Fourier pairs of yearly seasonality (`seasonality_order`, 0 ... 10; default 2).
  public var seasonalityOrder: Int = 2
  /// Treat floor weeks as left-censored (`censor_floor`; default true, MODEL.md 3.4).
  public var censorFloor: Bool = true

  public init() {}

  var json: JSONValue {
    [
      "student_t_nu": .number(studentTDegrees),
      "seasonality_order": .number(Double(seasonalityOrder)),
      "censor_floor": .bool(censorFloor),
    ]
  }
}
