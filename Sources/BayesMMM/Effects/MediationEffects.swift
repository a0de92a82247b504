/// Monte Carlo means over the simulated mediator paths of one draw, for one channel and
/// contrast, with hi / lo the higher- and lower-spend arms (MODEL.md 6).
///
/// Y(x, M) is revenue over the window (currency) with the channel on path x and Google on
/// path M; M(x) is a mediator path simulated with the channel on x.
public struct MediationArms: Sendable, Equatable {
  /// E[Y(hi, M(hi))], currency.
  public var revenueHighHigh: Double
  /// E[Y(hi, M(lo))], currency.
  public var revenueHighLow: Double
  /// E[Y(lo, M(lo))], currency.
  public var revenueLowLow: Double
  /// E[sum_t M(hi)_t] and E[sum_t M(lo)_t], scaled mediator units.
  public var mediatorTotalHigh: Double
  public var mediatorTotalLow: Double

  public init(
    revenueHighHigh: Double, revenueHighLow: Double, revenueLowLow: Double,
    mediatorTotalHigh: Double, mediatorTotalLow: Double
  ) {
    self.revenueHighHigh = revenueHighHigh
    self.revenueHighLow = revenueHighLow
    self.revenueLowLow = revenueLowLow
    self.mediatorTotalHigh = mediatorTotalHigh
    self.mediatorTotalLow = mediatorTotalLow
  }
}

/// Direct, indirect and total effect of one channel under one contrast at one draw, with
/// the returns on the spend moved (MODEL.md 6).
///
///     NIE = E[Y(hi, M(hi))] - E[Y(hi, M(lo))]
///     NDE = E[Y(hi, M(lo))] - E[Y(lo, M(lo))]
///     TE  = NIE + NDE
///
/// Revenue effects are in currency over the window; returns are currency of revenue per
/// currency of social spend moved.
public struct MediationEffects: Sendable, Equatable {
  public let naturalDirectEffect: Double
  public let naturalIndirectEffect: Double
  public let totalEffect: Double
  /// NIE / TE; NaN when TE is exactly 0.
  public let shareMediated: Double
  /// TE / spend change.
  public let returnOnSpend: Double
  /// Google spend the higher arm induces, (E[sum M(hi)] - E[sum M(lo)]) x mediator scale,
  /// currency.
  public let inducedGoogleSpend: Double
  /// (TE - induced Google spend) / spend change: the return once the extra search spend it
  /// triggers is paid for.
  public let netReturnOnSpend: Double

  /// - Parameters:
  ///   - spendChange: sum over weeks of |hi - lo| of the channel's spend, currency (NaN
  ///     returns when it is 0).
  ///   - mediatorScale: currency per scaled mediator unit.
  public init(arms: MediationArms, spendChange: Double, mediatorScale: Double) {
    naturalIndirectEffect = arms.revenueHighHigh - arms.revenueHighLow
    naturalDirectEffect = arms.revenueHighLow - arms.revenueLowLow
    totalEffect = naturalIndirectEffect + naturalDirectEffect
    shareMediated = totalEffect == 0 ? .nan : naturalIndirectEffect / totalEffect
    inducedGoogleSpend = (arms.mediatorTotalHigh - arms.mediatorTotalLow) * mediatorScale
    returnOnSpend = spendChange > 0 ? totalEffect / spendChange : .nan
    netReturnOnSpend = spendChange > 0 ? (totalEffect - inducedGoogleSpend) / spendChange : .nan
  }

  /// The value of one measure of the column contract.
  public func value(_ measure: EffectColumns.Measure) -> Double {
    switch measure {
    case .nde: return naturalDirectEffect
    case .nie: return naturalIndirectEffect
    case .te: return totalEffect
    case .shareMediated: return shareMediated
    case .roi: return returnOnSpend
    case .inducedGoogle: return inducedGoogleSpend
    case .netROI: return netReturnOnSpend
    }
  }
}
