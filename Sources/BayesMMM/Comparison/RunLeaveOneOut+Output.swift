extension RunLeaveOneOut {
  /// The result as JSON: the joint model's `elpd_loo`, `se`, `p_loo`, `looic`, `pareto_k`
  /// (one per week), `pareto_k_counts` (ArviZ's bins), `good_k`, `r_eff`,
  /// `log_likelihood_from` (`chain_files` or `recomputed`, see `Source`), `weeks`, and the
  /// same figures per equation under `equations` (`revenue`, `search` (on/off + amount),
  /// `search_onoff`; `search_amount` over Google's on weeks).
  public var json: JSONValue {
    func figures(_ loo: LeaveOneOut, pointwise: Bool) -> [(key: String, value: JSONValue)] {
      let counts = loo.counts
      var members: [(key: String, value: JSONValue)] = [
        (key: "elpd_loo", value: .number(loo.elpd)), (key: "se", value: .number(loo.standardError)),
        (key: "p_loo", value: .number(loo.effectiveParameters)),
        (key: "looic", value: .number(loo.informationCriterion)),
        (
          key: "pareto_k_counts",
          value: .object([
            (key: "good", value: .number(Double(counts.good))),
            (key: "bad", value: .number(Double(counts.bad))),
            (key: "very_bad", value: .number(Double(counts.veryBad))),
          ])
        ),
      ]
      if pointwise {
        members.append((key: "pareto_k", value: .array(loo.paretoK.map { .number($0) })))
      }
      return members
    }
    var top: [(key: String, value: JSONValue)] = [
      (key: "draws", value: .number(Double(joint.draws))),
      (key: "r_eff", value: .number(relativeEfficiency)),
      (key: "good_k", value: .number(joint.goodKThreshold)),
      (key: "log_likelihood_from", value: .string(source.rawValue)),
    ]
    top += figures(joint, pointwise: true)
    top.append((key: "weeks", value: .array(weekDates.map { .string($0) })))
    top.append((key: "unreliable_weeks", value: .array(unreliableWeeks.map { .string($0) })))
    top.append(
      (
        key: "equations",
        value: .object([
          (key: "revenue", value: .object(figures(revenue, pointwise: true))),
          (key: "search", value: .object(figures(search, pointwise: true))),
          (key: "search_onoff", value: .object(figures(onOff, pointwise: true))),
          (key: "search_amount", value: .object(figures(amount, pointwise: false))),
        ])
      ))
    return .object(top)
  }

  /// The result as a short text table, with a warning naming the weeks whose k is above
  /// the threshold.
  public var text: String {
    func row(_ name: String, _ loo: LeaveOneOut) -> String {
      let counts = loo.counts
      return pad(name, 15)
        + leftPad(NumberText.grouped(loo.elpd, decimals: 1), 11)
        + leftPad(NumberText.grouped(loo.standardError, decimals: 1), 8)
        + leftPad(NumberText.grouped(loo.effectiveParameters, decimals: 1), 8)
        + leftPad(NumberText.grouped(loo.informationCriterion, decimals: 1), 11)
        + leftPad("\(counts.good)/\(counts.bad)/\(counts.veryBad)", 14) + "\n"
    }
    var out =
      "PSIS-LOO (\(joint.draws) draws, r_eff \(NumberText.grouped(relativeEfficiency, decimals: 2)), "
    out += "k threshold \(NumberText.grouped(joint.goodKThreshold, decimals: 2)); "
    out +=
      source == .chainFiles
      ? "log likelihood from the chain files)\n\n"
      : "log likelihood recomputed: the chain files have no log_lik columns)\n\n"
    out +=
      pad("model", 15) + leftPad("elpd_loo", 11) + leftPad("se", 8)
      + leftPad("p_loo", 8) + leftPad("looic", 11)
      + leftPad("k good/bad/vb", 14) + "\n"
    out +=
      row("joint", joint) + row("revenue", revenue) + row("search", search)
      + row("search_onoff", onOff)
      + row("search_amount", amount)
    let weeks = unreliableWeeks
    if !weeks.isEmpty {
      out +=
        "\nwarning: Pareto k above \(NumberText.grouped(joint.goodKThreshold, decimals: 2)) "
        + "in \(weeks.count) week(s): \(weeks.joined(separator: ", ")); their LOO estimate is "
        + "unreliable (influential weeks).\n"
    }
    return out
  }
}
