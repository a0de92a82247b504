import Foundation

/// A priors file: model settings, one prior per parameter group, per-channel overrides.
///
/// ```json
/// {
///   "model": {"student_t_nu": 5, "seasonality_order": 2, "censor_floor": true,
///             "adstock": "geometric", "adstock_window": 8},
///   "priors": {"adstock_decay": {"family": "beta", "alpha": 2, "beta": 3}, ...},
///   "channels": {"instagram_spend": {"adstock": "delayed",
///                                    "social_effect": {"family": "normal", "mean": 0, "sd": 4}}}
/// }
/// ```
///
/// Every group of `ParameterGroup` must be present under `"priors"`, except those of the
/// optional price and promotion terms (`price_elasticity`, `promo_lift`,
/// `search_onoff_promo`, `search_amount_promo`) and `adstock_peak_delay`: they are needed
/// only by a model with that term or with a delayed-adstock channel (`resolve(for:)` then
/// names the missing one), and unused by one without it. `model.adstock` (`geometric` or
/// `delayed`) sets every channel's adstock, a channel entry's `adstock` that channel's.
/// `"model"` and `"channels"` are optional. A key given twice in one object, unknown keys, a
/// channel that is not in the data, a group a channel cannot override, and a prior whose
/// support does not fit its parameter (a normal prior on an adstock decay, a peak delay
/// outside the window) are errors naming the key.
public struct PriorsConfiguration: Sendable {
  /// The file the configuration was read from (for messages and run records).
  public let source: String
  public let settings: ModelSettings
  public let groupPriors: [ParameterGroup: Prior]
  /// Column name -> group -> prior.
  public let channelOverrides: [String: [ParameterGroup: Prior]]

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
    var settings = try Self.readSettings(json["model"], fail: fail)

    guard let priorsObject = json["priors"] else { throw fail("priors", "missing key") }
    guard let priorMembers = priorsObject.objectMembers else {
      throw fail("priors", "expected an object, got \(priorsObject.kindDescription)")
    }
    var groupPriors: [ParameterGroup: Prior] = [:]
    for member in priorMembers {
      let key = "priors.\(member.key)"
      guard let group = ParameterGroup(rawValue: member.key) else {
        throw fail(key, "unknown parameter group (expected one of \(Self.groupList))")
      }
      let prior = try Prior(json: member.value, keyPath: key, file: source)
      try Self.checkSupport(prior, for: group, window: settings.adstockWindow, key: key, fail: fail)
      groupPriors[group] = prior
    }
    for member in priorMembers {
      guard let group = ParameterGroup(rawValue: member.key),
        let form = PriceResponseForm.owning(group), form != settings.priceResponse
      else { continue }
      throw fail(
        "priors.\(member.key)",
        "a prior of the \(form.rawValue) price response, but model.price_response is "
          + "\(settings.priceResponse.rawValue) (remove it, or set model.price_response)")
    }
    for group in ParameterGroup.allCases where groupPriors[group] == nil && !group.isOptional {
      throw fail("priors.\(group.rawValue)", "missing prior")
    }
    self.groupPriors = groupPriors

    var overrides: [String: [ParameterGroup: Prior]] = [:]
    if let channels = json["channels"] {
      guard let channelMembers = channels.objectMembers else {
        throw fail("channels", "expected an object, got \(channels.kindDescription)")
      }
      for channel in channelMembers {
        guard let entries = channel.value.objectMembers else {
          throw fail(
            "channels.\(channel.key)", "expected an object, got \(channel.value.kindDescription)")
        }
        var perChannel: [ParameterGroup: Prior] = [:]
        for entry in entries {
          let key = "channels.\(channel.key).\(entry.key)"
          if entry.key == "adstock" {
            settings.channelAdstock[channel.key] = try Self.readAdstock(
              entry.value, key: key, fail: fail)
            continue
          }
          guard let group = ParameterGroup(rawValue: entry.key), !group.overridableBy.isEmpty
          else {
            throw fail(
              key, "not a per-channel group (expected adstock or one of \(Self.channelGroupList))")
          }
          let prior = try Prior(json: entry.value, keyPath: key, file: source)
          try Self.checkSupport(
            prior, for: group, window: settings.adstockWindow, key: key, fail: fail)
          perChannel[group] = prior
        }
        overrides[channel.key] = perChannel
      }
    }
    channelOverrides = overrides
    self.settings = settings
  }

  /// One prior per parameter of `layout`, overrides applied.
  /// - Throws: `PriorsError` naming `channels.<name>` when a channel is not in the data or
  ///   `channels.<name>.<family>` when that family does not apply to the channel's role.
  public func resolve(for layout: ParameterLayout) throws -> [Prior] {
    var kinds: [String: ChannelKind] = [layout.mediatorName: .mediator]
    for name in layout.socialChannels { kinds[name] = .social }
    for name in layout.ownedChannels { kinds[name] = .owned }
    for name in layout.controlNames { kinds[name] = .control }
    let named = Set(channelOverrides.keys).union(settings.channelAdstock.keys)
    for channel in named.sorted() {
      let entries = channelOverrides[channel] ?? [:]
      guard let kind = kinds[channel] else {
        throw PriorsError(
          file: source, keyPath: "channels.\(channel)",
          message:
            "no such channel in the data (channels: \(kinds.keys.sorted().joined(separator: ", ")))"
        )
      }
      if settings.channelAdstock[channel] != nil && kind == .control {
        throw PriorsError(
          file: source, keyPath: "channels.\(channel).adstock",
          message: "does not apply to a control channel")
      }
      for group in entries.keys.sorted(by: { $0.rawValue < $1.rawValue })
      where !group.overridableBy.contains(kind) {
        throw PriorsError(
          file: source, keyPath: "channels.\(channel).\(group.rawValue)",
          message: "does not apply to a \(kind.rawValue) channel")
      }
    }
    return try layout.groups.map { key in
      if let channel = key.channel, let prior = channelOverrides[channel]?[key.group] {
        return prior
      }
      guard let prior = groupPriors[key.group] else {
        let need = key.group == .adstockPeakDelay ? " (needed by delayed adstock)" : ""
        throw PriorsError(
          file: source, keyPath: "priors.\(key.group.rawValue)", message: "missing prior" + need)
      }
      return prior
    }
  }

  /// The configuration as JSON (for run records), keys in a stable order.
  public var json: JSONValue {
    let priors = ParameterGroup.allCases.compactMap { key in
      groupPriors[key].map { (key: key.rawValue, value: $0.json) }
    }
    let named = Set(channelOverrides.keys).union(settings.channelAdstock.keys)
    let channels = named.sorted().map { channel in
      let adstock = settings.channelAdstock[channel].map {
        [(key: "adstock", value: JSONValue.string($0.rawValue))]
      }
      let entries = ParameterGroup.allCases.compactMap { key in
        channelOverrides[channel]?[key].map { (key: key.rawValue, value: $0.json) }
      }
      return (key: channel, value: JSONValue.object((adstock ?? []) + entries))
    }
    return .object([
      (key: "model", value: settings.json), (key: "priors", value: .object(priors)),
      (key: "channels", value: .object(channels)),
    ])
  }

  private static var groupList: String {
    ParameterGroup.allCases.map(\.rawValue).joined(separator: ", ")
  }

  private static var channelGroupList: String {
    ParameterGroup.allCases.filter { !$0.overridableBy.isEmpty }.map(\.rawValue)
      .joined(separator: ", ")
  }

  private static func readAdstock(
    _ value: JSONValue, key: String, fail: (String, String) -> PriorsError
  ) throws -> AdstockForm {
    let forms = AdstockForm.allCases.map(\.rawValue).joined(separator: " or ")
    guard let text = value.stringValue else {
      throw fail(key, "expected \(forms), got \(value.kindDescription)")
    }
    guard let form = AdstockForm(rawValue: text) else {
      throw fail(key, "unknown adstock \"\(text)\" (expected \(forms))")
    }
    return form
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
      case "adstock":
        settings.adstock = try readAdstock(member.value, key: key, fail: fail)
      case "price_response":
        let forms = PriceResponseForm.nameList
        guard let text = member.value.stringValue else {
          throw fail(key, "expected \(forms), got \(member.value.kindDescription)")
        }
        guard let form = PriceResponseForm(rawValue: text) else {
          throw fail(key, "unknown price response \"\(text)\" (expected \(forms))")
        }
        settings.priceResponse = form
      case "price_knots":
        let limits = PriceResponse.knotCountLimits
        guard let count = member.value.numberValue, count == count.rounded(),
          limits.contains(Int(exactly: count) ?? 0)
        else {
          throw fail(
            key,
            "must be a whole number from \(limits.lowerBound) to \(limits.upperBound), got "
              + (member.value.numberValue.map(NumberText.plain) ?? member.value.kindDescription))
        }
        settings.priceKnots = Int(count)
      case "adstock_window":
        guard let window = member.value.numberValue else {
          throw fail(key, "expected a number, got \(member.value.kindDescription)")
        }
        let limits = DelayedAdstock.windowLimits
        guard window == window.rounded(), limits.contains(Int(exactly: window) ?? 0) else {
          throw fail(
            key,
            "must be a whole number of weeks from \(limits.lowerBound) to \(limits.upperBound), "
              + "got \(NumberText.plain(window))")
        }
        settings.adstockWindow = Int(window)
      default:
        throw fail(
          key,
          "unknown setting (expected student_t_nu, seasonality_order, censor_floor, adstock, "
            + "adstock_window, price_response, price_knots)")
      }
    }
    return settings
  }

  private static func checkSupport(
    _ prior: Prior, for group: ParameterGroup, window: Int, key: String,
    fail: (String, String) -> PriorsError
  ) throws {
    let support = prior.support
    switch group.supportRequirement {
    case .any:
      return
    case .unitInterval:
      if support == .unitInterval { return }
      if case .interval(let lower, let upper) = support, lower >= 0, upper <= 1 { return }
      throw fail(key, "the prior's support must lie in (0, 1) (use beta or truncated_normal)")
    case .delayWindow:
      let latest = Double(window - 1)
      if case .interval(let lower, let upper) = support, lower >= 0, upper <= latest { return }
      throw fail(
        key,
        "the prior's support must lie in (0, \(NumberText.plain(latest))), the weeks of the "
          + "adstock window (use truncated_normal with lower >= 0 and upper <= "
          + "\(NumberText.plain(latest)))")
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
