#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PriorPredictiveCheck {
  /// The priors under which the observed data are implausible, with advice.
  ///
  /// Rules (each can raise one flag):
  /// - revenue: fewer than 90% of observed weeks inside the 95% band; one flag naming the
  ///   level priors when most misses are above the band, or below it with the observed
  ///   median below its simulated range, and the spread priors otherwise;
  /// - revenue: each quantile (over weeks) outside the simulated 5-95% range of that
  ///   quantile: the median points at `revenue_intercept`, the tails at `revenue_sigma`
  ///   and the media effects;
  /// - Google: the observed share of zero weeks outside the central 90% of its prior
  ///   predictive distribution (`search_onoff_intercept`);
  /// - Google: fewer than 90% of weeks inside the 95% band, and each quantile outside its
  ///   range, pointing at the on/off priors when zero weeks are at stake and at the amount
  ///   priors otherwise.
  static func flags(revenue: SeriesCheck, googleSpend: SeriesCheck, zeroShare: ZeroShare)
    -> [Flag]
  {
    var flags: [Flag] = []
    if let flag = revenueBandFlag(revenue) { flags.append(flag) }
    flags += revenue.quantiles.compactMap { revenueQuantileFlag($0) }
    if !zeroShare.isInsideCentral90 {
      let direction = zeroShare.observed > zeroShare.simulated.q95 ? "more" : "fewer"
      flags.append(
        Flag(
          priors: ["search_onoff_intercept", "search_onoff_effect"],
          message: "Google spend is zero in \(percent(zeroShare.observed)) of observed weeks, "
            + "\(direction) than the central 90% of the prior predictive share "
            + "(\(percent(zeroShare.simulated.q05)) to \(percent(zeroShare.simulated.q95))). "
            + "Widen search_onoff_intercept (the average log-odds of Google being on) or move "
            + "its mean toward logit(on share) = \(formatted(onLogOdds(zeroShare.observed), 2))."
        ))
    }
    if let flag = googleBandFlag(googleSpend) { flags.append(flag) }
    flags += googleSpend.quantiles.compactMap { googleQuantileFlag($0, name: googleSpend.name) }
    return flags
  }

  private static func revenueBandFlag(_ series: SeriesCheck) -> Flag? {
    guard series.shareIn95 < minimumShareIn95 else { return nil }
    let above = series.weeksAbove95
    let below = series.weeksBelow95
    let inside =
      "only \(percent(series.shareIn95)) of observed weeks lie inside the 95% prior-predictive "
      + "band (want at least \(percent(minimumShareIn95)))"
    if above.count >= below.count {
      return Flag(
        priors: ["revenue_intercept", "revenue_sigma"],
        message: "Revenue: \(inside); \(above.count) weeks lie above it (\(weekList(above))). "
          + "The priors put weekly revenue too low or too tightly: widen revenue_intercept "
          + "(the average log revenue) or revenue_sigma (the week-to-week noise).")
    }
    let median = series.quantiles.first { $0.level == 0.5 }
    if let median, median.observed < median.simulatedLower {
      return Flag(
        priors: ["revenue_intercept", "revenue_sigma"],
        message: "Revenue: \(inside); \(below.count) weeks lie below it (\(weekList(below))). "
          + "The priors put weekly revenue too high: widen revenue_intercept (the average log "
          + "revenue) or move its location down.")
    }
    return Flag(
      priors: ["revenue_sigma", "social_effect"],
      message: "Revenue: \(inside); \(below.count) weeks lie below it (\(weekList(below))). "
        + "The priors do not allow weeks this low (floor weeks, weeks with channels off): "
        + "widen revenue_sigma, or social_effect so that switching a channel off can move "
        + "revenue further.")
  }

  private static func revenueQuantileFlag(_ comparison: QuantileComparison) -> Flag? {
    guard !comparison.isInsideSimulatedRange else { return nil }
    let high = comparison.observed > comparison.simulatedUpper
    let statement =
      "Revenue: the observed \(percent(comparison.level)) quantile of weekly revenue "
      + "(\(amount(comparison.observed))) is \(high ? "above" : "below") the simulated 5-95% "
      + "range of that quantile (\(amount(comparison.simulatedLower)) to "
      + "\(amount(comparison.simulatedUpper))). "
    if comparison.level == 0.5 {
      return Flag(
        priors: ["revenue_intercept"],
        message: statement + "Widen revenue_intercept (the average log revenue) or move its "
          + "location \(high ? "up" : "down").")
    }
    let lowTail = comparison.level < 0.5
    if lowTail != high {
      // Observed tail further out than the priors reach.
      return Flag(
        priors: ["revenue_sigma", "social_effect"],
        message: statement + "The observed weeks spread further than the priors allow: "
          + "widen revenue_sigma or social_effect.")
    }
    return Flag(
      priors: ["revenue_sigma", "social_effect"],
      message: statement + "The priors spread weekly revenue much further than observed: "
        + "narrow revenue_sigma or social_effect.")
  }

  private static func googleBandFlag(_ series: SeriesCheck) -> Flag? {
    guard series.shareIn95 < minimumShareIn95 else { return nil }
    let outside = (series.weeksAbove95 + series.weeksBelow95).sorted()
    let zeroWeeks = outside.filter { series.observed[$0] == 0 }
    let inside =
      "\(series.name): only \(percent(series.shareIn95)) of observed weeks lie inside the 95% "
      + "prior-predictive band (want at least \(percent(minimumShareIn95)))"
    if zeroWeeks.count * 2 >= outside.count {
      return Flag(
        priors: ["search_onoff_intercept", "search_onoff_effect"],
        message: "\(inside); \(zeroWeeks.count) of the \(outside.count) weeks outside are "
          + "zero-spend weeks the priors rule out (\(weekList(zeroWeeks))). Widen "
          + "search_onoff_intercept or search_onoff_effect.")
    }
    return Flag(
      priors: ["search_amount_intercept", "search_amount_sigma"],
      message: "\(inside); \(outside.count - zeroWeeks.count) weeks with spend fall outside it "
        + "(\(weekList(outside))). Widen search_amount_intercept (the average log amount) or "
        + "search_amount_sigma.")
  }

  private static func googleQuantileFlag(_ comparison: QuantileComparison, name: String)
    -> Flag?
  {
    guard !comparison.isInsideSimulatedRange else { return nil }
    let high = comparison.observed > comparison.simulatedUpper
    let statement =
      "\(name): the observed \(percent(comparison.level)) quantile of weekly spend "
      + "(\(amount(comparison.observed))) is \(high ? "above" : "below") the simulated 5-95% "
      + "range of that quantile (\(amount(comparison.simulatedLower)) to "
      + "\(amount(comparison.simulatedUpper))). "
    if comparison.observed == 0 || comparison.simulatedLower == 0 {
      return Flag(
        priors: ["search_onoff_intercept", "search_onoff_effect"],
        message: statement + "The share of zero weeks is at stake: widen search_onoff_intercept.")
    }
    return Flag(
      priors: ["search_amount_intercept", "search_amount_sigma"],
      message: statement + "Widen search_amount_intercept (the average log amount) or "
        + "search_amount_sigma.")
  }

  /// log(p_on / (1 - p_on)) for a zero share, the on/off intercept it implies.
  private static func onLogOdds(_ zeroShare: Double) -> Double {
    let on = min(max(1 - zeroShare, 1e-6), 1 - 1e-6)
    return log(on / (1 - on))
  }

  private static func percent(_ share: Double) -> String {
    PriorPredictiveNumbers.percent(share)
  }

  private static func amount(_ value: Double) -> String { PriorPredictiveNumbers.amount(value) }

  /// 1-based week numbers, the first eight, for messages: "weeks 8, 31, 35".
  static func weekList(_ weeks: [Int]) -> String {
    let shown = weeks.prefix(8).map { String($0 + 1) }.joined(separator: ", ")
    let more = weeks.count > 8 ? ", ..." : ""
    return (weeks.count == 1 ? "week " : "weeks ") + shown + more
  }
}
