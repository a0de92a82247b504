/// A pair of spend paths for one social channel: its observed path and one counterfactual
/// (MODEL.md 6). Every other input stays as observed.
///
/// | contrast | higher-spend arm (hi) | lower-spend arm (lo) |
/// | --- | --- | --- |
/// | `zero` | observed | 0 in every week (channel off) |
/// | `plus10` | 1.1 x observed in every week | observed |
///
/// `zero` answers "what did the channel bring over the window"; `plus10` is the marginal
/// answer (returns on the next 10% of spend), and stays inside the observed support.
public enum EffectContrast: String, CaseIterable, Sendable {
  case zero
  case plus10

  /// The counterfactual spend path from the observed one (any units: scaled or currency).
  public func counterfactualSpend(_ observed: [Double]) -> [Double] {
    switch self {
    case .zero: return observed.map { _ in 0 }
    case .plus10: return observed.map { 1.1 * $0 }
    }
  }

  /// True when the counterfactual arm is the higher-spend arm (hi), false when it is the
  /// lower-spend arm (lo) and the observed path is hi.
  public var counterfactualIsHigher: Bool { self == .plus10 }

  /// Spend removed or added by the contrast over the window: sum over weeks of
  /// |hi_t - lo_t|, in the units of `observed` (currency for currency paths).
  public func spendChange(_ observed: [Double]) -> Double {
    zip(observed, counterfactualSpend(observed)).reduce(0) { $0 + abs($1.0 - $1.1) }
  }
}
