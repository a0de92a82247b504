/// One row of the effects table: a social channel's direct, indirect or total effect on
/// revenue under one contrast (MODEL.md 6), in currency over the whole window.
///
/// ```swift
/// let rows = EffectSummary.rows(draws: run.draws, socialNames: run.socialNames,
///                               record: run.effects, observedSpend: spend)
/// rows[0].statistics.median     // currency
/// rows[0].roi                   // currency of revenue per currency of spend change
/// ```
///
/// - `roi`: the posterior median of effect / spend change (currency per currency);
/// - `netROI`: the posterior median of (effect - induced Google spend) / spend change for
///   the indirect and total effects, which pays for the Google spend social spend brings
///   about; for the direct effect, which induces none, the same as `roi`;
/// - `shareMediated`: the posterior median of NIE / TE for the channel and contrast (the
///   same on its three rows);
/// - `extrapolation`: the contrast leaves the observed support (e.g. a channel never off,
///   switched off). Such rows lead with the median: the mean can be dominated by a few
///   draws far outside the data.
public struct EffectSummary: Sendable, Equatable {
  /// The social channel's column name.
  public let channel: String
  /// 0-based channel number (columns use k = channelIndex + 1).
  public let channelIndex: Int
  public let effect: EffectKind
  public let contrast: EffectContrast
  /// Mean, median, 90% / 95% intervals and P(> 0) of the effect, currency.
  public let statistics: PosteriorStatistics
  /// Spend of the hi arm minus the lo arm, currency; nil when unknown.
  public let spendChange: Double?
  public let roi: Double?
  public let netROI: Double?
  public let shareMediated: Double?
  public let extrapolation: Bool

  /// Rows for every channel and contrast whose NDE, NIE and TE columns are in `draws`:
  /// channel by channel, then contrast (zero, plus10), then direct, indirect, total. Empty
  /// for a run without effect columns.
  ///
  /// - Parameters:
  ///   - record: run.json's `effects` object (spend changes, extrapolation flags).
  ///   - observedSpend: each channel's weekly spend in currency; used only where the record
  ///     says nothing: spend change = total spend (zero) or 10% of it (plus10), and the zero
  ///     contrast flagged as an extrapolation for a channel with no week at 0.
  public static func rows(
    draws: DrawTable, socialNames: [String], record: EffectsRecord?,
    observedSpend: [[Double]]? = nil
  ) -> [EffectSummary] {
    var rows: [EffectSummary] = []
    for (index, channel) in socialNames.enumerated() {
      for contrast in EffectContrast.allCases {
        func pooled(_ measure: EffectColumns.Measure) -> [Double]? {
          draws.column(named: EffectColumns.name(measure, contrast, channel: index))?
            .flatMap { $0 }
        }
        guard let direct = pooled(.nde), let indirect = pooled(.nie), let total = pooled(.te)
        else { continue }
        let spend =
          record?.spendChange[index]?[contrast]
          ?? observedSpend.flatMap { fallbackSpendChange($0, index, contrast) }
        let flagged =
          record?.extrapolation[index]?[contrast]
          ?? observedSpend.map { fallbackExtrapolation($0, index, contrast) } ?? false
        let share =
          pooled(.shareMediated)
          ?? zip(indirect, total).map { $0 / $1 }
        let shareMedian = Diagnostics.finiteQuantile(share, probability: 0.5)
        let induced = pooled(.inducedGoogle)
        for kind in EffectKind.allCases {
          let values: [Double]
          switch kind {
          case .direct: values = direct
          case .indirect: values = indirect
          case .total: values = total
          }
          let roi = spend.map { change in medianRatio(values, change) }
          let netROI: Double?
          if kind == .direct {
            netROI = roi
          } else if let spend, let induced {
            netROI = medianRatio(zip(values, induced).map { $0 - $1 }, spend)
          } else {
            netROI = nil
          }
          rows.append(
            EffectSummary(
              channel: channel, channelIndex: index, effect: kind, contrast: contrast,
              statistics: PosteriorStatistics(draws: values), spendChange: spend, roi: roi,
              netROI: netROI, shareMediated: shareMedian.isNaN ? nil : shareMedian,
              extrapolation: flagged))
        }
      }
    }
    return rows
  }

  /// median(value / change) over the draws whose ratio is finite (non-finite draws are
  /// counted in the row's statistics); NaN for a zero or non-finite change.
  static func medianRatio(_ values: [Double], _ change: Double) -> Double {
    guard change != 0, change.isFinite else { return .nan }
    return Diagnostics.finiteQuantile(values.map { $0 / change }, probability: 0.5)
  }

  private static func fallbackSpendChange(
    _ spend: [[Double]], _ index: Int, _ contrast: EffectContrast
  ) -> Double? {
    guard index < spend.count else { return nil }
    let total = spend[index].reduce(0, +)
    return contrast == .zero ? total : 0.1 * total
  }

  private static func fallbackExtrapolation(
    _ spend: [[Double]], _ index: Int, _ contrast: EffectContrast
  ) -> Bool {
    guard index < spend.count, contrast == .zero else { return false }
    return !spend[index].contains(0)
  }

  /// The keys of the JSON schema (docs/summary-json.md); `roi`, `net_roi` and
  /// `share_mediated` are null when unknown.
  var json: JSONValue {
    func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    return [
      "channel": .string(channel), "effect": .string(effect.rawValue),
      "contrast": .string(contrast.rawValue), "mean": .number(statistics.mean),
      "median": .number(statistics.median), "lower90": .number(statistics.lower90),
      "upper90": .number(statistics.upper90), "lower95": .number(statistics.lower95),
      "upper95": .number(statistics.upper95),
      "prob_positive": .number(statistics.probabilityPositive),
      "non_finite_draws": .number(Double(statistics.nonFiniteDraws)), "roi": optional(roi),
      "net_roi": optional(netROI), "share_mediated": optional(shareMediated),
      "extrapolation": .bool(extrapolation),
    ]
  }
}
