/// Every effect of one posterior draw: direct, indirect and total effects of each social
/// channel under both contrasts, and the what-ifs.
public struct DrawEffects: Sendable, Equatable {
  /// `[contrast][channel]`, contrasts in `EffectContrast.allCases` order.
  public let mediation: [[MediationEffects]]
  public let whatIf: WhatIfEffects

  public init(mediation: [[MediationEffects]], whatIf: WhatIfEffects) {
    self.mediation = mediation
    self.whatIf = whatIf
  }

  public func mediation(_ contrast: EffectContrast, channel: Int) -> MediationEffects {
    mediation[contrast == .zero ? 0 : 1][channel]
  }

  /// The values in the order of `EffectColumns.names(socialCount:)`.
  public var row: [Double] {
    var row: [Double] = []
    append(to: &row)
    return row
  }

  /// Appends the values, in column order, to `row`.
  public func append(to row: inout [Double]) {
    for byChannel in mediation {
      for measure in EffectColumns.Measure.allCases {
        for effects in byChannel { row.append(effects.value(measure)) }
      }
    }
    row.append(contentsOf: whatIf.values)
  }
}
