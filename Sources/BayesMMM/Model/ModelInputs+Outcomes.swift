#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ModelInputs {
  /// Revenue in currency, revenueScale x exp(logRevenue_t) (the floor in censored weeks, up
  /// to exp/log rounding), [T]: the y_obs,t every counterfactual keeps the residual of.
  public var revenueCurrency: [Double] { logRevenue.map { revenueScale * exp($0) } }

  /// The same inputs (spend, designs, every scale) with other outcomes: a scaled mediator
  /// path and log scaled revenue with its censoring flags.
  ///
  /// Scales stay those of `self` (they are part of the model's definition); what depends on
  /// the mediator's on weeks (the on-week set and the amount design centred over it) is
  /// recomputed, exactly as the log density defines it.
  /// - Parameters:
  ///   - mediatorScaled: mediator spend / `mediatorScale`, length T, >= 0.
  ///   - logRevenue: log(revenue / `revenueScale`), length T (the log floor in censored weeks).
  public func replacingOutcomes(
    mediatorScaled: [Double], logRevenue: [Double], censored: [Bool]
  ) -> ModelInputs {
    var copy = self
    copy.mediatorSpend = mediatorScaled
    copy.mediatorOn = mediatorScaled.map { $0 > 0 }
    copy.logMediatorAmount = mediatorScaled.map { $0 > 0 ? log($0) : 0 }
    copy.mediatorOnWeeks = mediatorScaled.indices.filter { mediatorScaled[$0] > 0 }
    copy.fittedMediatorOnWeeks = copy.mediatorOnWeeks.filter { $0 < fitWeeks }
    copy.logRevenue = logRevenue
    copy.censored = censored
    let columns = Self.mediatorColumns(trend: trend, season: season, promotion: promotion)
    let onWeeks = copy.mediatorOnWeeks.filter { $0 < centringWeeks }
    copy.mediatorDesignOn = Self.centredDesign(columns, over: onWeeks)
    return copy
  }
}
