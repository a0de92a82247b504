/// Price in the report (MODEL.md 6, 8): the revenue elasticity at the median price and
/// across the observed range, the choke price where the form has one, where revenue
/// peaks, and the revenue change if every week's price were 10% lower or higher.
public struct PriceSummary: Sendable, Equatable {
  /// The price term's form; nil when the run's model was not rebuilt (then only the
  /// `price_elasticity` column of a constant-elasticity run is read).
  public let form: PriceResponseForm?
  /// d log revenue / d log price at the median price (unitless; -1.5 means 1% dearer
  /// sells 1.5% less).
  public let elasticity: PosteriorStatistics?
  /// The elasticity, choke price and peak for any form; nil without a rebuilt model.
  public let analysis: PriceAnalysis?
  /// Revenue change over the window at price -10% in every week, currency.
  public let revenueChangeMinus10: PosteriorStatistics?
  /// Revenue change over the window at price +10% in every week, currency.
  public let revenueChangePlus10: PosteriorStatistics?

  /// From the model's price parameters (`PriceAnalysis`) when `model` is given, else from
  /// the `price_elasticity` column, and the `revenue_change_price_*` effect columns; a part
  /// is nil when its column is not in the run, the whole when the model has no price term.
  public init?(draws: DrawTable, model: JointModel?) {
    if let model {
      guard model.layout.priceResponse != nil,
        let rows = draws.parameterRows(model.layout.names),
        let analysis = PriceAnalysis(model: model, theta: rows.map(model.layout.priceTheta))
      else { return nil }
      self.analysis = analysis
      form = analysis.form
      elasticity = analysis.elasticityAtMedian
    } else {
      guard
        draws.columns.contains("price_elasticity")
          || draws.columns.contains(EffectColumns.revenueChangePricePlus10)
      else { return nil }
      analysis = nil
      form = nil
      elasticity = draws.pooled("price_elasticity").map { PosteriorStatistics(draws: $0) }
    }
    revenueChangeMinus10 = draws.pooled(EffectColumns.revenueChangePriceMinus10).map {
      PosteriorStatistics(draws: $0)
    }
    revenueChangePlus10 = draws.pooled(EffectColumns.revenueChangePricePlus10).map {
      PosteriorStatistics(draws: $0)
    }
  }

  /// `form`, `elasticity` (at the median price), `revenue_change_minus10`,
  /// `revenue_change_plus10`, and with a rebuilt model `median_price`, `observed_range`,
  /// `elasticity_across_range` ([{label, price, elasticity}]), `choke_price` (null unless
  /// linear demand) and `revenue_maximising_price` ({below_share, inside_share,
  /// above_share, inside}).
  var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      (key: "form", value: form.map { .string($0.rawValue) } ?? .null),
      (key: "elasticity", value: elasticity.json),
      (key: "revenue_change_minus10", value: revenueChangeMinus10.json),
      (key: "revenue_change_plus10", value: revenueChangePlus10.json),
    ]
    if let analysis {
      let peak = analysis.revenueMaximisingPrice
      members += [
        (key: "median_price", value: .number(analysis.medianPrice)),
        (
          key: "observed_range",
          value: .array([
            .number(analysis.observedRange.lowerBound), .number(analysis.observedRange.upperBound),
          ])
        ),
        (
          key: "elasticity_across_range",
          value: .array(
            analysis.elasticityAcrossRange.map {
              [
                "label": .string($0.label), "price": .number($0.price),
                "elasticity": $0.elasticity.json,
              ]
            })
        ),
        (key: "choke_price", value: analysis.chokePrice.json),
        (
          key: "revenue_maximising_price",
          value: [
            "below_share": .number(peak.belowShare), "inside_share": .number(peak.insideShare),
            "above_share": .number(peak.aboveShare), "inside": peak.insidePrice.json,
          ]
        ),
      ]
    }
    return .object(members)
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
