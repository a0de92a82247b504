extension SBCResult {
  /// The report as plain text: settings, the test, one line per quantity (counts per bin,
  /// chi-square, p, verdict), divergences and the verdict.
  public var text: String {
    let s = settings
    let nameWidth = max(10, names.map(\.count).max() ?? 0)
    let expected = quantities.first?.histogram.expected.first ?? 0
    var lines: [String] = []
    lines.append(
      "Simulation-based calibration (Talts et al. 2018): \(s.simulations) simulations of "
        + "\(s.weeks) weeks, seed \(s.seed)")
    lines.append(
      "model: \(s.socialChannels) social, \(s.ownedChannels) owned channel(s), seasonality "
        + "order \(s.seasonalityOrder): \(names.count - 1) parameters + lp__")
    lines.append(
      "fits: \(s.chains) chain(s) x (\(s.warmup) warm-up + \(s.keptPerChain * s.thin) draws), "
        + "thinned by \(s.thin) to L = \(s.rankDraws) draws")
    lines.append(
      "      (bulk ESS of the kept draws, median over parameters and fits: "
        + formatted(medianThinnedESS, 0) + ")")
    lines.append(
      "test: ranks 0...\(s.rankDraws) in \(s.bins) bins (about \(formatted(expected, 1)) "
        + "expected per bin), chi-square with \(s.bins - 1) dof;")
    lines.append(
      "      Bonferroni over \(names.count) quantities at family-wise "
        + "\(formatted(100 * s.familyWiseLevel, 1))%: fail when p < " + formatted(threshold, 6))
    lines.append("")
    lines.append(
      pad("quantity", nameWidth) + "  " + pad("counts per bin", 4 * s.bins) + "  "
        + leftPad("chi2", 7) + "  " + leftPad("p", 8) + "  verdict")
    for quantity in quantities {
      let counts = quantity.histogram.counts.map { leftPad(String($0), 3) }.joined(separator: " ")
      lines.append(
        pad(quantity.name, nameWidth) + "  " + pad(counts, 4 * s.bins) + "  "
          + leftPad(formatted(quantity.histogram.statistic, 1), 7) + "  "
          + leftPad(formatted(quantity.histogram.pValue, 4), 8) + "  "
          + (quantity.passes ? "ok" : "NOT UNIFORM"))
    }
    lines.append("")
    lines.append(
      "divergences: \(fitsWithDivergences) of \(simulations.count) fits had divergent "
        + "transitions after warm-up (\(totalDivergences) in all)")
    lines.append("failed fits: \(failures.count)")
    for failure in failures {
      lines.append("  simulation \(failure.index + 1): \(failure.failure ?? "")")
    }
    let failing = quantities.filter { !$0.passes }.map(\.name)
    lines.append(
      failing.isEmpty
        ? "verdict: every quantity passes the uniformity test at family-wise "
          + "\(formatted(100 * s.familyWiseLevel, 1))%"
        : "verdict: \(failing.count) quantity(ies) fail: \(failing.joined(separator: ", "))")
    lines.append("time: \(formatted(wallTime, 1)) s")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as JSON (settings, per-quantity counts and test, per-simulation ranks).
  public var json: JSONValue {
    let s = settings
    return [
      "settings": [
        "simulations": .number(Double(s.simulations)), "weeks": .number(Double(s.weeks)),
        "seed": .number(Double(s.seed)), "rank_draws": .number(Double(s.rankDraws)),
        "bins": .number(Double(s.bins)), "chains": .number(Double(s.chains)),
        "warmup": .number(Double(s.warmup)), "thin": .number(Double(s.thin)),
        "target_accept": .number(s.targetAccept),
        "social_channels": .number(Double(s.socialChannels)),
        "owned_channels": .number(Double(s.ownedChannels)),
        "seasonality_order": .number(Double(s.seasonalityOrder)),
        "family_wise_level": .number(s.familyWiseLevel),
      ],
      "threshold": .number(threshold),
      "passes": .bool(passes),
      "fits_with_divergences": .number(Double(fitsWithDivergences)),
      "divergences": .number(Double(totalDivergences)),
      "failed_fits": .array(
        failures.map {
          ["simulation": .number(Double($0.index + 1)), "reason": .string($0.failure ?? "")]
        }),
      "median_thinned_ess": jsonNumber(medianThinnedESS),
      "seconds": .number(wallTime),
      "quantities": .array(
        quantities.map { quantity in
          [
            "name": .string(quantity.name),
            "counts": .array(quantity.histogram.counts.map { .number(Double($0)) }),
            "chi_square": .number(quantity.histogram.statistic),
            "dof": .number(Double(quantity.histogram.degreesOfFreedom)),
            "p_value": jsonNumber(quantity.histogram.pValue),
            "passes": .bool(quantity.passes),
          ]
        }),
      "simulations": .array(
        simulations.map { simulation in
          [
            "simulation": .number(Double(simulation.index + 1)),
            "ranks": .array(simulation.ranks.map { .number(Double($0)) }),
            "divergences": .number(Double(simulation.divergences)),
          ]
        }),
    ]
  }
}

/// A JSON number, or null for NaN and infinities (which JSON cannot hold).
func jsonNumber(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }
