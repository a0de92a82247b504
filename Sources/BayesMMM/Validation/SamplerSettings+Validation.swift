extension SamplerSettings {
  /// The lighter NUTS settings of the many fits validation runs (coverage datasets,
  /// rolling-origin folds): 2 chains x (500 warm-up + 500 draws), other settings as default.
  public static var validationFit: SamplerSettings {
    var settings = SamplerSettings()
    settings.chains = 2
    settings.warmup = 500
    settings.draws = 500
    return settings
  }
}
