#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the effects hold fixed across posterior draws: the observed revenue in currency and,
/// per social channel and contrast, the counterfactual spend path, the spend it removes or
/// adds, and whether it leaves the observed support.
///
/// ```swift
/// let scenarios = EffectScenarios(inputs: model.inputs)
/// scenarios.scenario(.zero, channel: 0).spendChange   // currency, whole window
/// ```
public struct EffectScenarios: Sendable {
  /// One channel under one contrast.
  public struct Scenario: Sendable {
    /// 0-based social channel (parameter order).
    public let channel: Int
    public let contrast: EffectContrast
    /// The counterfactual arm's scaled spend path (currency / channel scale), length T.
    public let counterfactualSpend: [Double]
    /// Sum over weeks of |hi - lo|, in currency (> 0 unless the channel never spends).
    public let spendChange: Double
    /// True when the counterfactual path asks about spend levels the data never showed.
    public let isExtrapolation: Bool
  }

  /// y_obs,t = revenueScale x exp(logRevenue_t), in currency (the floor in censored weeks),
  /// length T.
  public let observedRevenue: [Double]
  /// Sum of `observedRevenue` over the window, currency.
  public let totalObservedRevenue: Double
  /// Observed Google spend summed over the window, currency.
  public let googleTotalSpend: Double
  /// Currency per scaled unit of the mediator.
  public let mediatorScale: Double
  /// Observed promotion intensity per week, length T; nil without a promotion term.
  public let promotion: [Double]?
  /// `[contrast][channel]`, contrasts in `EffectContrast.allCases` order.
  public let scenarios: [[Scenario]]
  public let socialNames: [String]

  public init(inputs: ModelInputs) {
    let revenue = inputs.revenueCurrency
    observedRevenue = revenue
    totalObservedRevenue = revenue.reduce(0, +)
    googleTotalSpend = inputs.mediatorSpend.reduce(0, +) * inputs.mediatorScale
    mediatorScale = inputs.mediatorScale
    promotion = inputs.promotion
    socialNames = inputs.socialNames
    scenarios = EffectContrast.allCases.map { contrast in
      inputs.socialNames.indices.map { s in
        let currency = inputs.socialSpendCurrency[s]
        return Scenario(
          channel: s, contrast: contrast,
          counterfactualSpend: contrast.counterfactualSpend(inputs.socialSpend[s]),
          spendChange: contrast.spendChange(currency),
          isExtrapolation: Self.leavesObservedSupport(contrast, observedSpend: currency))
      }
    }
  }

  public var socialCount: Int { socialNames.count }

  public func scenario(_ contrast: EffectContrast, channel: Int) -> Scenario {
    scenarios[contrast == .zero ? 0 : 1][channel]
  }

  /// Whether a contrast leaves the observed support of a channel's weekly spend (currency).
  ///
  /// - `zero` does when the channel is never at 0: "channel off" then asks the model about
  ///   weeks it has never seen (MODEL.md 6; facebook on the real file).
  /// - `plus10` never does: 1.1 x observed moves every week by a tenth of its own level, a
  ///   local perturbation along the fitted response curve, even where it exceeds the highest
  ///   observed week (as it does in the top weeks of any channel).
  public static func leavesObservedSupport(
    _ contrast: EffectContrast, observedSpend: [Double]
  ) -> Bool {
    switch contrast {
    case .zero: return !observedSpend.contains(0)
    case .plus10: return false
    }
  }
}
