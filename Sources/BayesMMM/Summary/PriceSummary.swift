/// Price in the report: the elasticity and the revenue change if every week's price were
/// 10% lower or higher (MODEL.md 3.3, 6).
public struct PriceSummary: Sendable, Equatable {
  /// d log revenue / d log price (unitless; -1.5 means 1% dearer sells 1.5% less).
  public let elasticity: PosteriorStatistics?
  /// Revenue change over the window at price -10% in every week, currency.
  public let revenueChangeMinus10: PosteriorStatistics?
  /// Revenue change over the window at price +10% in every week, currency.
  public let revenueChangePlus10: PosteriorStatistics?

  /// From the `price_elasticity` parameter and the `revenue_change_price_*` effect columns;
  /// a part is nil when its column is not in the run, the whole when the model has no price
  /// term (no `price_elasticity` column).
  public init?(draws: DrawTable) {
    guard let elasticityDraws = draws.pooled("price_elasticity") else { return nil }
    elasticity = PosteriorStatistics(draws: elasticityDraws)
    revenueChangeMinus10 = draws.pooled(EffectColumns.revenueChangePriceMinus10).map {
      PosteriorStatistics(draws: $0)
    }
    revenueChangePlus10 = draws.pooled(EffectColumns.revenueChangePricePlus10).map {
      PosteriorStatistics(draws: $0)
    }
  }

  var json: JSONValue {
    [
      "elasticity": elasticity.json, "revenue_change_minus10": revenueChangeMinus10.json,
      "revenue_change_plus10": revenueChangePlus10.json,
    ]
  }
}

extension DrawTable {
  /// All chains' draws of the column `name`, pooled in chain order; nil when absent.
  func pooled(_ name: String) -> [Double]? {
    column(named: name)?.flatMap { $0 }
  }
}

extension Optional where Wrapped == PosteriorStatistics {
  /// The statistics' JSON object, or null.
  var json: JSONValue { map(\.json) ?? .null }
}
