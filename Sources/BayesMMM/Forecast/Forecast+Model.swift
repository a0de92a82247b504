extension Forecast {
  /// The forecast of `plan` after the data of `prepared`, at the posterior `draws` of a fit
  /// of `prepared.model` (constrained, layout order): the model's inputs are extended by the
  /// plan (`ModelInputs(dataset:plan:settings:)`), its priors kept, and Google is simulated
  /// when the plan does not give it. Random numbers: stream
  /// `RandomStreams.forecast.stream(0)` of `seed`.
  public static func compute(
    prepared: PreparedModel, plan: ForecastPlan, draws: [[Double]], paths: Int, seed: UInt64
  ) -> Forecast {
    let inputs = ModelInputs(
      dataset: prepared.dataset, plan: plan, settings: prepared.configuration.settings)
    return compute(
      model: prepared.model.replacingInputs(inputs), dates: plan.dates, draws: draws,
      paths: paths, googleGiven: plan.google != nil,
      random: GSLRandom(runSeed: seed, stream: RandomStreams.forecast.stream(0)))
  }
}
