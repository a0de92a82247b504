/// The generated-quantity columns that follow the model parameters in every chain CSV and in
/// `FitRun.table`: the column contract `summarize` and the report are built against.
///
/// The order is fixed and part of the output format:
/// 1. for contrast c in [`zero`, `plus10`] (outer), measure m in [`nde`, `nie`, `te`,
///    `share_mediated`, `roi`, `induced_google`, `net_roi`], social channel k = 1 ... S
///    (inner, the channel order of `ModelInputs.socialNames`): `<m>_<c>.<k>`, e.g.
///    `nde_zero.1`, `te_plus10.3`, `induced_google_zero.2`;
/// 2. then `google_effect`, `google_roi`, `revenue_change_price_minus10`,
///    `revenue_change_price_plus10`, `promo_lift_pct`, `promo_revenue`; the two price
///    columns only when the model has a price term, the two promotion columns only when it
///    has a promotion term (`OptionalTerms`).
///
/// Units, per draw, over the whole window (all T weeks):
/// - `nde`, `nie`, `te`: natural direct, natural indirect and total effect on revenue
///   (currency) of moving channel k from the contrast's lower- to its higher-spend arm;
/// - `share_mediated`: nie / te (dimensionless; NaN when te is exactly 0);
/// - `roi`: te / spend change (currency of revenue per currency of social spend);
/// - `induced_google`: extra Google spend the higher arm induces through the mediator
///   equation (currency);
/// - `net_roi`: (te - induced_google) / spend change;
/// - `google_effect`: revenue with the observed Google path minus revenue with Google at 0 in
///   every week (currency); `google_roi`: that per currency of total Google spend;
/// - `revenue_change_price_minus10` / `_plus10`: revenue change (currency) for every price
///   10% lower / higher;
/// - `promo_lift_pct`: exp(promo_lift) - 1 (a fraction: 0.25 is +25%);
/// - `promo_revenue`: revenue (currency) the observed promotions added over the window.
public enum EffectColumns {
  /// Per channel and contrast measures, in column order.
  public enum Measure: String, CaseIterable, Sendable {
    case nde
    case nie
    case te
    case shareMediated = "share_mediated"
    case roi
    case inducedGoogle = "induced_google"
    case netROI = "net_roi"
  }

  /// The scalar columns after the mediation block, in column order, for the terms present.
  public static func scalarNames(terms: OptionalTerms = .all) -> [String] {
    [googleEffect, googleROI]
      + (terms.price ? [revenueChangePriceMinus10, revenueChangePricePlus10] : [])
      + (terms.promotion ? [promoLiftPercent, promoRevenue] : [])
  }

  /// All effect column names for `socialCount` social channels:
  /// `2 x 7 x socialCount + 6` names with both optional terms (2 fewer per term left out).
  public static func names(socialCount: Int, terms: OptionalTerms = .all) -> [String] {
    var names: [String] = []
    for contrast in EffectContrast.allCases {
      for measure in Measure.allCases {
        for k in 0..<socialCount { names.append(name(measure, contrast, channel: k)) }
      }
    }
    return names + scalarNames(terms: terms)
  }

  /// `<measure>_<contrast>.<k>` for the 0-based `channel` (k = channel + 1).
  public static func name(_ measure: Measure, _ contrast: EffectContrast, channel: Int)
    -> String
  {
    "\(measure.rawValue)_\(contrast.rawValue).\(channel + 1)"
  }

  /// Number of columns: `14 x socialCount + 6` with both optional terms.
  public static func count(socialCount: Int, terms: OptionalTerms = .all) -> Int {
    2 * Measure.allCases.count * socialCount + scalarNames(terms: terms).count
  }

  /// Offset of `<measure>_<contrast>.<channel + 1>` within the effect columns.
  public static func index(
    _ measure: Measure, _ contrast: EffectContrast, channel: Int, socialCount: Int
  ) -> Int {
    let contrastIndex = contrast == .zero ? 0 : 1
    let measureIndex = Measure.allCases.firstIndex(of: measure) ?? 0
    return (contrastIndex * Measure.allCases.count + measureIndex) * socialCount + channel
  }
}
