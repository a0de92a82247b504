/// Fixed model settings read from a priors file's `"model"` object.
public struct ModelSettings: Sendable, Equatable {
  /// Degrees of freedom nu of the Student-t revenue noise (`student_t_nu`, > 0; default 5).
  public var studentTDegrees: Double = 5
  /// Number of Fourier pairs of yearly seasonality (`seasonality_order`, 0 ... 10; default 2).
  public var seasonalityOrder: Int = 2
  /// Treat floor weeks as left-censored (`censor_floor`; default true, MODEL.md 3.4).
  public var censorFloor: Bool = true
  /// The adstock of every channel without its own (`adstock`; default geometric).
  public var adstock: AdstockForm = .geometric
  /// Window L of delayed adstock, weeks (`adstock_window`; default 8).
  public var adstockWindow: Int = DelayedAdstock.defaultWindow
  /// Per-channel adstock (a channel entry's `adstock`), column name -> form.
  public var channelAdstock: [String: AdstockForm] = [:]
  /// The price term's form (`price_response`, MODEL.md 8); constant elasticity when the key
  /// is absent (priors/default.json chooses linear demand).
  public var priceResponse: PriceResponseForm = .constantElasticity
  /// Knots K of the monotone spline price response (`price_knots`, 1 ... 8; default 4).
  public var priceKnots: Int = PriceResponse.defaultKnotCount

  public init() {}

  /// Each media channel's transform under these settings.
  public var transforms: ChannelTransforms {
    ChannelTransforms(
      standard: MediaTransform(adstock: adstock, window: adstockWindow),
      exceptions: channelAdstock.mapValues { MediaTransform(adstock: $0, window: adstockWindow) })
  }

  /// The settings as a priors file's `model` object; the adstock and price keys only when
  /// they are not the defaults, so a geometric, constant-elasticity model's record reads as
  /// before.
  var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      (key: "student_t_nu", value: .number(studentTDegrees)),
      (key: "seasonality_order", value: .number(Double(seasonalityOrder))),
      (key: "censor_floor", value: .bool(censorFloor)),
    ]
    if adstock != .geometric { members.append((key: "adstock", value: .string(adstock.rawValue))) }
    if adstockWindow != DelayedAdstock.defaultWindow {
      members.append((key: "adstock_window", value: .number(Double(adstockWindow))))
    }
    if priceResponse != .constantElasticity {
      members.append((key: "price_response", value: .string(priceResponse.rawValue)))
    }
    if priceKnots != PriceResponse.defaultKnotCount {
      members.append((key: "price_knots", value: .number(Double(priceKnots))))
    }
    return .object(members)
  }
}
