/// The warnings of a budget allocation (MODEL.md 10), as sentences naming the channel:
///
/// - a bound binds: the optimised scale is at its lower or upper bound (to 1e-6), so a
///   wider bound could do better;
/// - the plan leaves the observed spend range: some window weeks, scaled, lie above the
///   channel's largest weekly spend in the data (the weeks before a planned window, or the
///   whole observed window), outside what the data saw;
/// - a channel that is never off has scaled weeks below its smallest observed spend: the
///   response there is extrapolated (a channel with off weeks has been seen at
///   0, so lower spend is inside its range);
/// - the optimiser stopped at its iteration limit.
enum AllocationWarnings {
  static func sentences(
    inputs: ModelInputs, window: Range<Int>, constraint: BudgetConstraint, scales: [Double],
    optimization: ProjectedGradientAscent.Result
  ) -> [String] {
    var warnings: [String] = []
    for (s, channel) in inputs.socialNames.enumerated() {
      let f = scales[s]
      let factor = NumberText.grouped(f, decimals: 3)
      if abs(f - constraint.upper[s]) <= 1e-6 {
        warnings.append(
          "\(channel): the scale \(factor) is at its upper bound "
            + "\(NumberText.plain(constraint.upper[s])); a wider bound could do better.")
      } else if abs(f - constraint.lower[s]) <= 1e-6 {
        warnings.append(
          "\(channel): the scale \(factor) is at its lower bound "
            + "\(NumberText.plain(constraint.lower[s])); a wider bound could do better.")
      }
      let data = window.lowerBound > 0 ? 0..<window.lowerBound : window
      let seen = inputs.socialSpendCurrency[s][data]
      let weekly = inputs.socialSpendCurrency[s][window]
      guard let largest = seen.max(), largest > 0 else { continue }
      let above = weekly.filter { f * $0 > largest }.count
      if above > 0 {
        warnings.append(
          "\(channel): \(above) planned week\(above == 1 ? "" : "s") above the largest observed "
            + "weekly spend \(NumberText.grouped(largest, decimals: 2)) (up to "
            + "\(NumberText.grouped(f * largest, decimals: 2))): outside the observed range.")
      }
      let smallest = seen.min() ?? 0
      let below = smallest > 0 ? weekly.filter { f * $0 < smallest }.count : 0
      if below > 0 {
        warnings.append(
          "\(channel) is never off, and \(below) planned week\(below == 1 ? " falls" : "s fall") "
            + "below its smallest observed weekly spend \(NumberText.grouped(smallest, decimals: 2)) "
            + "(down to \(NumberText.grouped(f * smallest, decimals: 2))): extrapolated.")
      }
    }
    if !optimization.converged {
      warnings.append(
        "The optimiser stopped after \(optimization.iterations) iterations without converging; "
          + "the plan may not be optimal.")
    }
    return warnings
  }
}
