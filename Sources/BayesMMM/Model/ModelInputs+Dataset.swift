extension ModelInputs {
  /// The model inputs of a validated dataset under the priors file's model settings.
  ///
  /// Floor weeks are censored only when `settings.censorFloor` is on; controls keep their
  /// missing masks (missing weeks enter as the observed mean, see `standardise`); each media
  /// channel gets the transform the settings choose.
  /// - Parameter fitWeeks: weeks entering the likelihood (default all; see `fitWeeks`).
  public init(dataset: WeeklyDataset, settings: ModelSettings, fitWeeks: Int? = nil) {
    self.init(
      revenue: dataset.outcome,
      floor: settings.censorFloor ? dataset.floorValue : nil,
      mediator: Channel(name: dataset.roles.mediator, values: dataset.mediator),
      social: zip(dataset.socialNames, dataset.social).map { Channel(name: $0, values: $1) },
      owned: zip(dataset.ownedNames, dataset.owned).map { Channel(name: $0, values: $1) },
      price: dataset.price,
      promotion: dataset.promotion,
      weekOfYear: dataset.isoWeekOfYear,
      controls: dataset.controls.map {
        (channel: Channel(name: $0.name, values: $0.values), missing: $0.missing)
      },
      seasonalityOrder: settings.seasonalityOrder, fitWeeks: fitWeeks,
      priceForm: settings.priceResponse, priceKnots: settings.priceKnots)
    transforms = settings.transforms
  }
}
