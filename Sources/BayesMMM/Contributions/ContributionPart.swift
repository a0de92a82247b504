/// One reported part of weekly revenue (`ContributionCalculator` defines each): a social
/// channel's total, direct and through-Google parts, Google's own spend, an owned channel,
/// the price or the promotion.
///
/// ```swift
/// let parts = ContributionPart.parts(of: model)
/// parts.map(\.name)   // ["Instagram", "Instagram direct", "Instagram via Google", ...]
/// ```
public struct ContributionPart: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    /// y(observed) - y(channel off), Google simulated under each plan.
    case socialTotal = "social_total"
    /// The part of the total with Google held at the paths of the channel-off plan.
    case socialDirect = "social_direct"
    /// total - direct: the part that goes through the Google spend the channel brings about.
    case socialIndirect = "social_indirect"
    /// y(observed) - y(Google path 0, given).
    case google
    /// y(observed) - y(owned channel off).
    case owned
    /// y(observed) - y(price at the median price, logPrice 0).
    case price
    /// y(observed) - y(no promotion), Google simulated under each plan.
    case promotion
  }

  /// A unique label: the channel's data column name (with " direct" / " via Google" for the
  /// split of a social channel), `Google`'s column name, `price` or `promotion`.
  public let name: String
  public let kind: Kind
  /// Index among the channels of its kind (social, owned); 0 for the others.
  public let channel: Int

  /// Whether the part is one of the one-at-a-time removals whose sum, with the baseline,
  /// is compared with observed revenue (the interaction); direct and indirect split a
  /// social total and are not added again.
  public var isRemoval: Bool { kind != .socialDirect && kind != .socialIndirect }

  /// The parts of a model, in report order: each social channel (total, direct, via Google),
  /// Google, each owned channel, then price and promotion when the model has those terms.
  public static func parts(of model: JointModel) -> [ContributionPart] {
    let inputs = model.inputs
    let layout = model.layout
    var parts: [ContributionPart] = []
    for (s, name) in inputs.socialNames.enumerated() {
      parts.append(ContributionPart(name: name, kind: .socialTotal, channel: s))
      parts.append(ContributionPart(name: name + " direct", kind: .socialDirect, channel: s))
      parts.append(ContributionPart(name: name + " via Google", kind: .socialIndirect, channel: s))
    }
    parts.append(ContributionPart(name: inputs.mediatorName, kind: .google, channel: 0))
    for (o, name) in inputs.ownedNames.enumerated() {
      parts.append(ContributionPart(name: name, kind: .owned, channel: o))
    }
    if inputs.logPrice != nil && layout.priceResponse != nil {
      parts.append(ContributionPart(name: "price", kind: .price, channel: 0))
    }
    if inputs.promotion != nil && layout.promoLift != nil {
      parts.append(ContributionPart(name: "promotion", kind: .promotion, channel: 0))
    }
    return parts
  }
}
