import Foundation

/// How log revenue responds to price (MODEL.md 8), chosen by the priors file's
/// `model.price_response`. x = log(price / median price) throughout.
///
/// | form | log-revenue term g(x) | parameters |
/// | --- | --- | --- |
/// | `constant_elasticity` | e x | `price_elasticity` e (real) |
/// | `linear_demand` | x + log(max(1 - (e^x - 1) / c, 0)), the max smoothed | `price_choke_margin` c > 0 |
/// | `monotone_spline` | (1 - b) x - sum_k w_k H(x - kappa_k) | `price_demand_slope` b >= 0, `price_slope_change.k` w_k >= 0 |
///
/// `linear_demand` is revenue = price x demand with demand falling linearly to zero at the
/// choke price (1 + c) x median price. `monotone_spline` is a decreasing demand curve whose
/// elasticity can only grow in magnitude as price rises (log demand concave in log price),
/// with slope changes at K knots (`PriceResponse`).
public enum PriceResponseForm: String, CaseIterable, Sendable, Hashable {
  case constantElasticity = "constant_elasticity"
  case linearDemand = "linear_demand"
  case monotoneSpline = "monotone_spline"

  /// The parameter groups of this form, in layout order (the spline's slope changes are
  /// one group, one parameter per knot).
  public var groups: [ParameterGroup] {
    switch self {
    case .constantElasticity: return [.priceElasticity]
    case .linearDemand: return [.priceChokeMargin]
    case .monotoneSpline: return [.priceDemandSlope, .priceSlopeChange]
    }
  }

  /// The form whose parameters `group` is, if it is a price group.
  static func owning(_ group: ParameterGroup) -> PriceResponseForm? {
    allCases.first { $0.groups.contains(group) }
  }

  /// The example priors file shipped for this form, relative to the package root
  /// (`priors/linear-demand.json`).
  public var examplePriorsPath: String {
    "priors/" + rawValue.replacingOccurrences(of: "_", with: "-") + ".json"
  }

  /// Every form's name, for messages: "constant_elasticity, linear_demand or monotone_spline".
  static var nameList: String {
    let names = allCases.map(\.rawValue)
    return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
  }
}
