/// Every key of run.json, named once: `RunRecord` writes with these names and `StoredRun`
/// (with `EffectsRecord` and `RunRecord.ChainFileCheck`) reads with them, so the writer and
/// the reader cannot spell a key differently.
///
/// The raw value is the key's dotted path from the top of the document, as errors name it
/// (`settings.seed`); `[]` stands for "each element of the array" (`chain_file_checks[].sha256`).
/// `name` is the member's own name inside its object.
///
/// ```swift
/// record[RunRecordKey.settingsSeed]                       // the value at settings.seed
/// JSONValue.object(keyed: [.settingsSeed: .string("7")])  // {"seed": "7"}
/// ```
///
/// run.json opens with the marker of `OutputOwnership.marked` (`tool`, `kind`), then these
/// keys. The members of `data.roles`, `priors.content`, `audit`, `diagnostics` and
/// `prior_shift` belong to those values' own encodings; `effects.contrasts`,
/// `effects.spend_change` and `effects.extrapolation` are keyed by contrast and channel (see
/// `RunRecord.effectsJSON`); `lift_tests` has its members named by `LiftTestFile+Record`;
/// none of those inner keys is listed here (`membersNamedElsewhere`).
public enum RunRecordKey: String, CaseIterable, Sendable {
  case formatVersion = "format_version"

  case settings
  case settingsChains = "settings.chains"
  case settingsWarmup = "settings.warmup"
  case settingsDraws = "settings.draws"
  case settingsSeed = "settings.seed"
  case settingsTargetAccept = "settings.target_accept"
  case settingsMaxDepth = "settings.max_depth"
  case settingsInitRadius = "settings.init_radius"
  case settingsMetricAdaptation = "settings.metric_adaptation"
  case settingsThreads = "settings.threads"

  case data
  case dataPath = "data.path"
  case dataSHA256 = "data.sha256"
  case dataWeeks = "data.weeks"
  case dataFirstWeek = "data.first_week"
  case dataLastWeek = "data.last_week"
  case dataRoles = "data.roles"

  case priors
  case priorsPath = "priors.path"
  case priorsContent = "priors.content"

  case scales
  case scalesRevenueScale = "scales.revenue_scale"
  case scalesRevenueFloor = "scales.revenue_floor"
  case scalesCensoredWeeks = "scales.censored_weeks"
  case scalesMediator = "scales.mediator"
  case scalesMediatorColumn = "scales.mediator.column"
  case scalesMediatorScale = "scales.mediator.scale"
  case scalesSocial = "scales.social"
  case scalesSocialColumn = "scales.social[].column"
  case scalesSocialScale = "scales.social[].scale"
  case scalesOwned = "scales.owned"
  case scalesOwnedColumn = "scales.owned[].column"
  case scalesOwnedScale = "scales.owned[].scale"
  case scalesMedianPrice = "scales.median_price"
  case scalesWeeks = "scales.weeks"

  case channels
  case channelsSocial = "channels.social"
  case channelsMediator = "channels.mediator"
  case channelsOwned = "channels.owned"
  case channelsControls = "channels.controls"

  case parameters
  case columns
  case chainFiles = "chain_files"

  case chainFileChecks = "chain_file_checks"
  case chainFileCheckFile = "chain_file_checks[].file"
  case chainFileCheckSHA256 = "chain_file_checks[].sha256"
  case chainFileCheckDraws = "chain_file_checks[].draws"
  case chainFileCheckChainID = "chain_file_checks[].chain_id"

  case audit
  case diagnostics
  case priorShift = "prior_shift"

  case timing
  case timingWallSeconds = "timing.wall_seconds"
  case timingGradientEvaluations = "timing.gradient_evaluations"
  case timingGradientsPerSecond = "timing.gradients_per_second"
  case timingMinESSBulkPerSecond = "timing.min_ess_bulk_per_second"
  case timingEffectsSeconds = "timing.effects_seconds"
  case timingLogLikelihoodSeconds = "timing.log_likelihood_seconds"

  case effects
  case effectsMediatorPaths = "effects.mediator_paths"
  case effectsRandomStreams = "effects.random_streams"
  case effectsChannels = "effects.channels"
  case effectsContrasts = "effects.contrasts"
  case effectsSpendChange = "effects.spend_change"
  case effectsGoogleTotalSpend = "effects.google_total_spend"
  case effectsExtrapolation = "effects.extrapolation"
  case effectsColumnContract = "effects.column_contract"
  case effectsAssumption = "effects.assumption"

  /// The lift tests of the fit (`LiftTestFile+Record`), null without.
  case liftTests = "lift_tests"

  /// The member's name inside its object (`seed` for `settings.seed`).
  public var name: String {
    String(rawValue.split(separator: ".").last ?? Substring(rawValue))
  }

  /// True for keys whose members other types name (see the type's comment).
  public var membersNamedElsewhere: Bool {
    switch self {
    case .dataRoles, .priorsContent, .audit, .diagnostics, .priorShift, .effectsContrasts,
      .effectsSpendChange, .effectsExtrapolation, .liftTests:
      return true
    default:
      return false
    }
  }

  /// The dotted path of a member below this key (`effects.spend_change.zero`), for errors.
  public func path(_ members: String...) -> String {
    ([rawValue] + members).joined(separator: ".")
  }
}

extension JSONValue {
  /// The value at `key`'s path, from the top of a run.json document; nil when a member on
  /// the way is missing or not an object, and for keys inside arrays (`[]`).
  public subscript(key: RunRecordKey) -> JSONValue? {
    var value: JSONValue? = self
    for member in key.rawValue.split(separator: ".") {
      value = value?[String(member)]
    }
    return value
  }

  /// An object of run.json: each member is named by its key's `name`, in the given order.
  public static func object(keyed members: KeyValuePairs<RunRecordKey, JSONValue>) -> JSONValue {
    .object(members.map { (key: $0.key.name, value: $0.value) })
  }
}
