import Foundation

/// A priors file: model settings, one prior per parameter family, per-channel overrides.
///
/// ```json
/// {
///   "model": {"student_t_nu": 5, "seasonality_order": 2, "censor_floor": true},
///   "priors": {"adstock_decay": {"family": "beta", "alpha": 2, "beta": 3}, ...},
///   "channels": {"instagram_spend": {"social_effect": {"family": "normal", "mean": 0, "sd": 4}}}
/// }
/// ```
///
/// Every family of `PriorFamilyKey` must be present under `"priors"`, except those of the
/// optional price and promotion terms (`price_elasticity`, `promo_lift`,
/// `search_onoff_promo`, `search_amount_promo`): they are needed only by a model with that
/// term (`resolve(for:)` then names the missing one), and unused by one without it.
/// `"model"` and `"channels"` are optional. A key given twice in one object, unknown keys, a
/// channel that is not in the data, a family a channel cannot override, and a prior whose
/// support does not fit its parameter (a normal prior on an adstock decay, say) are errors
/// naming the key.
public struct PriorsConfiguration: Sendable {
  /// The file the configuration was read from (for messages and run records).
  public let source: String
  public let settings: ModelSettings
  public let families: [PriorFamilyKey: Prior]
  /// Column name -> family -> prior.
  public let channelOverrides: [String: [PriorFamilyKey: Prior]]

  /// Reads and validates a priors file.
  public init(contentsOf path: String) throws {
    let data: Data
    do {
      data = Data(try RegularFile.contents(atPath: path))
    } catch {
      guard case .special(let kind) = error else {
        throw PriorsError(file: path, keyPath: "", message: "cannot read the file")
      }
      throw PriorsError(file: path, keyPath: "", message: "not a regular file but \(kind)")
    }
    let json: JSONValue
    do {
      json = try JSONValue(parsing: data)
    } catch {
      throw PriorsError(file: path, keyPath: "", message: "not valid JSON (\(error))")
    }
    if let duplicate = JSONValue.firstDuplicateKey(in: data) {
      throw PriorsError(
        file: path, keyPath: duplicate, message: JSONValue.duplicateKeyMessage)
    }
    try self.init(json: json, source: path)
  }

  /// Validates a parsed priors document.
  public init(json: JSONValue, source: String) throws {
    func fail(_ key: String, _ message: String) -> PriorsError {
      PriorsError(file: source, keyPath: key, message: message)
    }
    guard let top = json.objectMembers else {
      throw fail("", "expected an object at the top level, got \(json.kindDescription)")
    }
    for member in top where !["model", "priors", "channels"].contains(member.key) {
      throw fail(member.key, "unknown key (expected model, priors, channels)")
    }
    self.source = source
    settings = try Self.readSettings(json["model"], fail: fail)

    guard let priorsObject = json["priors"] else { throw fail("priors", "missing key") }
    guard let priorMembers = priorsObject.objectMembers else {
      throw fail("priors", "expected an object, got \(priorsObject.kindDescription)")
    }
    var families: [PriorFamilyKey: Prior] = [:]
    for member in priorMembers {
      let key = "priors.\(member.key)"
      guard let family = PriorFamilyKey(rawValue: member.key) else {
        throw fail(key, "unknown parameter family (expected one of \(Self.familyList))")
      }
      let prior = try Prior(json: member.value, keyPath: key, file: source)
      try Self.checkSupport(prior, for: family, key: key, fail: fail)
      families[family] = prior
    }
    for family in PriorFamilyKey.allCases
    where families[family] == nil && family.optionalTerm == nil {
      throw fail("priors.\(family.rawValue)", "missing prior")
    }
    self.families = families

    var overrides: [String: [PriorFamilyKey: Prior]] = [:]
    if let channels = json["channels"] {
      guard let channelMembers = channels.objectMembers else {
        throw fail("channels", "expected an object, got \(channels.kindDescription)")
      }
      for channel in channelMembers {
        guard let entries = channel.value.objectMembers else {
          throw fail(
            "channels.\(channel.key)", "expected an object, got \(channel.value.kindDescription)")
        }
        var perChannel: [PriorFamilyKey: Prior] = [:]
        for entry in entries {
          let key = "channels.\(channel.key).\(entry.key)"
          guard let family = PriorFamilyKey(rawValue: entry.key), !family.overridableBy.isEmpty
          else {
            throw fail(key, "not a per-channel family (expected one of \(Self.channelFamilyList))")
          }
          let prior = try Prior(json: entry.value, keyPath: key, file: source)
          try Self.checkSupport(prior, for: family, key: key, fail: fail)
          perChannel[family] = prior
        }
        overrides[channel.key] = perChannel
      }
    }
    channelOverrides = overrides
  }

  /// One prior per parameter of `layout`, overrides applied.
  /// - Throws: `PriorsError` naming `channels.<name>` when a channel is not in the data or
  ///   `channels.<name>.<family>` when that family does not apply to the channel's role.
  public func resolve(for layout: ParameterLayout) throws -> [Prior] {
    var kinds: [String: ChannelKind] = [layout.mediatorName: .mediator]
    for name in layout.socialChannels { kinds[name] = .social }
    for name in layout.ownedChannels { kinds[name] = .owned }
    for name in layout.controlNames { kinds[name] = .control }
    for (channel, entries) in channelOverrides.sorted(by: { $0.key < $1.key }) {
      guard let kind = kinds[channel] else {
        throw PriorsError(
          file: source, keyPath: "channels.\(channel)",
          message:
            "no such channel in the data (channels: \(kinds.keys.sorted().joined(separator: ", ")))"
        )
      }
      for family in entries.keys.sorted(by: { $0.rawValue < $1.rawValue })
      where !family.overridableBy.contains(kind) {
        throw PriorsError(
          file: source, keyPath: "channels.\(channel).\(family.rawValue)",
          message: "does not apply to a \(kind.rawValue) channel")
      }
    }
    return try layout.priorKeys.map { key in
      if let channel = key.channel, let prior = channelOverrides[channel]?[key.family] {
        return prior
      }
      guard let prior = families[key.family] else {
        throw PriorsError(
          file: source, keyPath: "priors.\(key.family.rawValue)", message: "missing prior")
      }
      return prior
    }
  }

  /// The configuration as JSON (for run records), keys in a stable order.
  public var json: JSONValue {
    let priors = PriorFamilyKey.allCases.compactMap { key in
      families[key].map { (key: key.rawValue, value: $0.json) }
    }
    let channels = channelOverrides.keys.sorted().map { channel in
      let entries = PriorFamilyKey.allCases.compactMap { key in
        channelOverrides[channel]?[key].map { (key: key.rawValue, value: $0.json) }
      }
      return (key: channel, value: JSONValue.object(entries))
    }
    return .object([
      (key: "model", value: settings.json), (key: "priors", value: .object(priors)),
      (key: "channels", value: .object(channels)),
    ])
  }

  private static var familyList: String {
    PriorFamilyKey.allCases.map(\.rawValue).joined(separator: ", ")
  }

  private static var channelFamilyList: String {
    PriorFamilyKey.allCases.filter { !$0.overridableBy.isEmpty }.map(\.rawValue)
      .joined(separator: ", ")
  }

  private static func readSettings(
    _ value: JSONValue?, fail: (String, String) -> PriorsError
  ) throws -> ModelSettings {
    var settings = ModelSettings()
    guard let value else { return settings }
    guard let members = value.objectMembers else {
      throw fail("model", "expected an object, got \(value.kindDescription)")
    }
    for member in members {
      let key = "model.\(member.key)"
      switch member.key {
      case "student_t_nu":
        guard let nu = member.value.numberValue else {
          throw fail(key, "expected a number, got \(member.value.kindDescription)")
        }
        guard nu > 0, nu.isFinite else { throw fail(key, "must be > 0, got \(nu)") }
        settings.studentTDegrees = nu
      case "seasonality_order":
        guard let order = member.value.numberValue else {
          throw fail(key, "expected a number, got \(member.value.kindDescription)")
        }
        guard order >= 0, order <= 10, order == order.rounded() else {
          throw fail(key, "must be a whole number from 0 to 10, got \(order)")
        }
        settings.seasonalityOrder = Int(order)
      case "censor_floor":
        guard let flag = member.value.boolValue else {
          throw fail(key, "expected true or false, got \(member.value.kindDescription)")
        }
        settings.censorFloor = flag
      default:
        throw fail(key, "unknown setting (expected student_t_nu, seasonality_order, censor_floor)")
      }
    }
    return settings
  }

  private static func checkSupport(
    _ prior: Prior, for family: PriorFamilyKey, key: String,
    fail: (String, String) -> PriorsError
  ) throws {
    let support = prior.support
    switch family.supportRequirement {
    case .any:
      return
    case .unitInterval:
      if support == .unitInterval { return }
      if case .interval(let lower, let upper) = support, lower >= 0, upper <= 1 { return }
      throw fail(key, "the prior's support must lie in (0, 1) (use beta or truncated_normal)")
    case .positive:
      switch support {
      case .positive: return
      case .lowerBounded(let lower) where lower >= 0: return
      case .interval(let lower, _) where lower >= 0: return
      default:
        throw fail(
          key,
          "the prior's support must lie in (0, inf) (use half_normal, lognormal, gamma, "
            + "exponential, half_student_t or truncated_normal with lower >= 0)")
      }
    }
  }
}
