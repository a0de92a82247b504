/// Which CSV column plays which part in the model.
///
/// ```swift
/// var roles = ColumnRoles()                      // the schema of data/mmm_weekly.csv
/// roles.social = ["meta_spend", "tiktok_spend"]  // any number >= 1
/// roles.owned = []                               // any number >= 0
/// try roles.validate(source: "roles")
/// ```
///
/// The defaults follow MODEL.md section 1. Price and promotion are optional roles: `nil`
/// leaves the term out of the model (no `price_elasticity`, no `promo_lift`, no price or
/// promotion what-ifs). `downstreamOfSocial` names columns that social spend
/// itself moves (followers grow with ads): they are left out of the model unless listed in
/// `controls`, because adjusting for them would block part of the social effect (MODEL.md 3.5).
///
/// Invariant (checked by `validate(source:)`): every name is non-empty, at least one social
/// channel, and no column has two roles.
public struct ColumnRoles: Codable, Equatable, Sendable {
  /// ISO dates, one row per week.
  public var date: String
  /// The outcome (revenue), modelled on the log scale.
  public var outcome: String
  /// The mediator (Google spend): caused by social spend, causes the outcome.
  public var mediator: String
  /// Social spend channels: the treatments.
  public var social: [String]
  /// Owned channels (emails, SMS): volumes, transformed like spend.
  public var owned: [String]
  /// The average price; enters as log(price / median price). Nil: the model has no price.
  public var price: String?
  /// Promotion indicator (0/1) or intensity in [0, 1]. Nil: the model has no promotion.
  public var promotion: String?
  /// Extra controls in the outcome equation (none by default).
  public var controls: [String]
  /// Columns downstream of social spend: excluded unless listed in `controls`.
  public var downstreamOfSocial: [String]

  public init(
    date: String = "week",
    outcome: String = "revenue",
    mediator: String = "google_spend",
    social: [String] = ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"],
    owned: [String] = ["emails_send", "sms_send"],
    price: String? = "average_price",
    promotion: String? = "promotions",
    controls: [String] = [],
    downstreamOfSocial: [String] = ["social_followers"]
  ) {
    self.date = date
    self.outcome = outcome
    self.mediator = mediator
    self.social = social
    self.owned = owned
    self.price = price
    self.promotion = promotion
    self.controls = controls
    self.downstreamOfSocial = downstreamOfSocial
  }

  /// Every column the model reads, with its role, in role order.
  public var assignments: [(column: String, role: ColumnRole)] {
    [(date, .date), (outcome, .outcome), (mediator, .mediator)]
      + social.map { ($0, .social) } + owned.map { ($0, .owned) }
      + [price.map { ($0, .price) }, promotion.map { ($0, .promotion) }].compactMap { $0 }
      + controls.map { ($0, .control) }
  }

  /// The role of `column`, if the model reads it.
  public func role(of column: String) -> ColumnRole? {
    assignments.first { $0.column == column }?.role
  }

  /// Checks the invariant; errors name `source` (a roles file or "roles") and the JSON key.
  public func validate(source: String) throws(ColumnRolesError) {
    for (column, role) in assignments where column.isEmpty {
      throw ColumnRolesError(source: source, key: role.jsonKey, problem: .emptyName)
    }
    if social.isEmpty {
      throw ColumnRolesError(source: source, key: "social", problem: .noSocialChannel)
    }
    var seen: [String: ColumnRole] = [:]
    for (column, role) in assignments {
      if let earlier = seen[column] {
        throw ColumnRolesError(
          source: source, key: role.jsonKey,
          problem: .twoRoles(column: column, first: earlier, second: role))
      }
      seen[column] = role
    }
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case date, outcome, mediator, social, owned, price, promotion, controls
    case downstreamOfSocial = "downstream_of_social"
  }
}

/// The part a column plays in the model.
public enum ColumnRole: String, Codable, Sendable, CaseIterable {
  case date, outcome, mediator, social, owned, price, promotion, control

  /// The key of this role in a roles JSON file.
  public var jsonKey: String { self == .control ? "controls" : rawValue }

  /// What a value in this role is, for messages ("social spend", "the price").
  var valueNoun: String {
    switch self {
    case .date: return "a date"
    case .outcome: return "the outcome"
    case .mediator: return "mediator spend"
    case .social: return "social spend"
    case .owned: return "an owned-channel volume"
    case .price: return "the price"
    case .promotion: return "the promotion"
    case .control: return "a control"
    }
  }

  /// Whether negative values are an error (spend, volumes, price, outcome).
  var mustBeNonNegative: Bool {
    switch self {
    case .outcome, .mediator, .social, .owned, .price: return true
    case .date, .promotion, .control: return false
    }
  }

  /// Whether zero is an error too: the model takes the logarithm (outcome, price).
  var mustBePositive: Bool { self == .outcome || self == .price }
}
