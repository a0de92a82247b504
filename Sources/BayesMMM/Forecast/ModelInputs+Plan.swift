extension ModelInputs {
  /// The inputs of a run's data followed by a plan's weeks: T data weeks, then H plan weeks,
  /// with `fitWeeks = T`.
  ///
  /// Because the fitted weeks alone define every scale, centring constant, the median price,
  /// the price response's knots and the trend's slope (`trendWeeks = T`: the trend carries on
  /// past 0.5 as the fit defined it), the first T weeks of every design and scaled series
  /// equal those of `ModelInputs(dataset:settings:)`, so a run's posterior draws apply
  /// unchanged; and since the media transforms run over all T + H weeks, adstock carries the
  /// data's spend into the plan weeks.
  ///
  /// Revenue in the plan weeks is unknown: it is held at the data's mean revenue (the revenue
  /// scale, above any floor, so those weeks are not censored), a placeholder no forecast
  /// reads. Google in the plan weeks is the plan's when given, else 0 (a placeholder
  /// replaced by the simulated paths).
  public init(dataset: WeeklyDataset, plan: ForecastPlan, settings: ModelSettings) {
    let dataWeeks = dataset.weekCount
    let revenueMean = dataset.outcome.reduce(0, +) / Double(dataWeeks)
    func extended(_ data: [Double], _ planned: [Double]) -> [Double] { data + planned }
    let placeholderRevenue = [Double](repeating: revenueMean, count: plan.weekCount)
    let plannedGoogle = plan.google ?? [Double](repeating: 0, count: plan.weekCount)
    self.init(
      revenue: extended(dataset.outcome, placeholderRevenue),
      floor: settings.censorFloor ? dataset.floorValue : nil,
      mediator: Channel(
        name: dataset.roles.mediator, values: extended(dataset.mediator, plannedGoogle)),
      social: dataset.socialNames.indices.map {
        Channel(
          name: dataset.socialNames[$0], values: extended(dataset.social[$0], plan.social[$0]))
      },
      owned: dataset.ownedNames.indices.map {
        Channel(name: dataset.ownedNames[$0], values: extended(dataset.owned[$0], plan.owned[$0]))
      },
      price: dataset.price.map { extended($0, plan.price ?? []) },
      promotion: dataset.promotion.map { extended($0, plan.promotion ?? []) },
      weekOfYear: dataset.isoWeekOfYear + plan.isoWeekOfYear,
      controls: dataset.controls.indices.map { c in
        let control = dataset.controls[c]
        return (
          channel: Channel(name: control.name, values: extended(control.values, plan.controls[c])),
          missing: control.missing + [Bool](repeating: false, count: plan.weekCount)
        )
      },
      seasonalityOrder: settings.seasonalityOrder, fitWeeks: dataWeeks,
      priceForm: settings.priceResponse, priceKnots: settings.priceKnots, trendWeeks: dataWeeks)
    transforms = settings.transforms
  }
}
