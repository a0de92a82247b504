extension PriorPredictiveCheck {
  /// Where a check came from, for the reports' headers.
  public struct Context: Sendable {
    /// The data file and the priors file, as the user named them.
    public var dataPath: String
    public var priorsPath: String
    /// The run seed of the draws.
    public var seed: UInt64

    public init(dataPath: String, priorsPath: String, seed: UInt64) {
      self.dataPath = dataPath
      self.priorsPath = priorsPath
      self.seed = seed
    }
  }

  /// The report as plain text (at most 100 columns), ending in a newline: per series the
  /// quantile table and band coverage, the zero-Google share, the implied priors, and the
  /// flags with the priors to revise (or a line saying none was flagged).
  public func text(context: Context) -> String {
    var lines = [
      "Prior-predictive check: \(drawCount) draws from \(context.priorsPath) "
        + "(seed \(context.seed))",
      "Data: \(context.dataPath), \(revenue.observed.count) weeks",
      "",
    ]
    lines += seriesLines(revenue, title: "Revenue per week (currency)")
    lines.append("")
    lines += seriesLines(googleSpend, title: "\(googleSpend.name) per week (currency)")
    lines.append(
      "  zero-spend weeks: observed \(percent(zeroShare.observed)); simulated mean "
        + "\(percent(zeroShare.simulated.mean)), central 90% \(percent(zeroShare.simulated.q05)) "
        + "to \(percent(zeroShare.simulated.q95))"
        + (zeroShare.isInsideCentral90 ? "" : "  <- outside"))
    lines.append("")
    lines.append("Implied priors of the headline quantities")
    lines.append(
      "  " + pad("quantity", 36) + leftPad("5%", 11) + leftPad("25%", 11)
        + leftPad("median", 11) + leftPad("75%", 11)
        + leftPad("95%", 11))
    for quantity in implied {
      let d = quantity.distribution
      let isElasticity = quantity.key == "price_elasticity"
      let name = quantity.key.replacingOccurrences(of: "total_effect_share.", with: "TE share ")
      var line = "  " + pad(name, 36)
      for value in [d.q05, d.q25, d.q50, d.q75, d.q95] {
        let text = isElasticity ? formatted(value, 2) : Self.signedPercent(value)
        line += leftPad(text, 11)
      }
      lines.append(line)
    }
    let liftNote =
      implied.contains { $0.key == "promo_lift" } ? "promo_lift = exp(promo_lift) - 1. " : ""
    lines.append(
      "  \(liftNote)TE share = (revenue with the channel as observed - with it off,")
    lines.append(
      "  both with Google paths simulated from common random numbers) / total observed revenue.")
    lines.append("")
    if flags.isEmpty {
      lines.append(
        "Verdict: no prior flagged; the observed data are plausible under these priors.")
    } else {
      lines.append("Verdict: \(flags.count) flag(s); the observed data are implausible under:")
      for flag in flags {
        lines += wrap(
          "- [\(flag.priors.joined(separator: ", "))] \(flag.message)", width: 98, indent: "    ")
          .map { "  " + $0 }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func seriesLines(_ series: SeriesCheck, title: String) -> [String] {
    var lines = [
      title,
      "  " + pad("quantile", 10) + leftPad("observed", 14)
        + leftPad("simulated 5%", 14) + leftPad("median", 14)
        + leftPad("95%", 14) + leftPad("P(sim <= obs)", 16),
    ]
    for comparison in series.quantiles {
      lines.append(
        "  " + pad(percent(comparison.level), 10)
          + [
            comparison.observed, comparison.simulatedLower, comparison.simulatedMedian,
            comparison.simulatedUpper,
          ].map { leftPad(PriorPredictiveNumbers.amount($0), 14) }.joined()
          + leftPad(formatted(comparison.shareAtOrBelowObserved, 3), 16)
          + (comparison.isInsideSimulatedRange ? "" : "  <- outside"))
    }
    let weeks = series.observed.count
    lines.append(
      "  observed weeks inside the pointwise prior-predictive bands: 50% band "
        + "\(percent(series.shareIn50)), 95% band \(percent(series.shareIn95))")
    lines.append(
      "  outside the 95% band: \(series.weeksAbove95.count) of \(weeks) weeks above, "
        + "\(series.weeksBelow95.count) below"
        + (series.weeksBelow95.isEmpty
          ? "" : " (\(PriorPredictiveCheck.weekList(series.weeksBelow95)))"))
    return lines
  }

  private func percent(_ share: Double) -> String { PriorPredictiveNumbers.percent(share) }

  /// A relative change as a signed percentage, "+12%", "-81%"; huge values in scientific
  /// form ("+3.20e+04%").
  private static func signedPercent(_ share: Double) -> String {
    guard share.isFinite else { return formatted(share, 0) }
    let value = 100 * share
    let text =
      abs(value) < 10_000 ? formatted(value, abs(value) < 10 ? 1 : 0)
      : PriorPredictiveNumbers.amount(value)
    return (value > 0 ? "+" : "") + text + "%"
  }

  /// Greedy word wrap; continuation lines start with `indent`.
  private func wrap(_ text: String, width: Int, indent: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count > width && !current.isEmpty {
        lines.append(current)
        current = indent + word
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
