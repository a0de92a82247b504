#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ParameterLayout {
  /// The same model expressed at other outcome scales: constrained parameter values that
  /// describe exactly the same distribution of revenue and Google spend in currency when
  /// revenue is divided by `to.revenue` instead of `from.revenue` and Google spend by
  /// `to.mediator` instead of `from.mediator`.
  ///
  /// Three parameters move, all others are scale-free:
  /// - `revenue_intercept` (the average level of log(revenue / scale_y)) gains
  ///   log(from.revenue / to.revenue);
  /// - `search_amount_intercept` (the average level of log(Google / scale_m) in on weeks)
  ///   gains log(from.mediator / to.mediator);
  /// - `hill_half_saturation_google` is in scaled Google units and is multiplied by
  ///   from.mediator / to.mediator (adstock is linear, so Hill(Adstock(m / s')) with
  ///   K' = K s / s' equals Hill(Adstock(m / s)) with K).
  ///
  /// Used to state a simulation's truth at the scales a fit of the written data will use.
  public func rescaled(_ parameters: [Double], from: OutcomeScales, to: OutcomeScales)
    -> [Double]
  {
    precondition(parameters.count == count, "one value per parameter")
    var values = parameters
    values[revenueIntercept] += log(from.revenue / to.revenue)
    values[amountIntercept] += log(from.mediator / to.mediator)
    if let halfSaturation = mediator.index(of: .halfSaturation) {
      values[halfSaturation] *= from.mediator / to.mediator
    }
    return values
  }
}

extension Array where Element == Prior {
  /// One draw of every parameter from its prior, in layout order, all from `rng`.
  public func sample(using rng: GSLRandom) -> [Double] {
    map { $0.sample(using: rng) }
  }
}
