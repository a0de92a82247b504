/// The assumption the direct / indirect split rests on (MODEL.md 6), in plain words for the
/// people who act on the numbers.
public enum IdentifyingAssumption {
  /// Sequential ignorability, stated for a growth team (a model with price and promotions).
  public static let text = text(terms: .all)

  /// The statement for a model with `terms`: only the adjustments it makes are named.
  public static func text(terms: OptionalTerms) -> String {
    "These effects assume that, once \(adjustments(terms: terms)) are accounted "
      + "for, nothing we did not measure moves both Google spend and revenue (sequential "
      + "ignorability), and nothing unmeasured drives both social spend and sales. A "
      + "competitor's campaign, a press story or a product launch that lifts search and sales "
      + "together would break this: the model would credit that lift to Google, and the split "
      + "between direct and through-Google (indirect) effects, possibly the totals too, would "
      + "be off. The data cannot check this assumption; judgement about what else happened in "
      + "these weeks can."
  }

  /// What the model adjusts for, as a phrase: "trend, seasonality, promotions and price",
  /// naming only the optional terms the model has.
  public static func adjustments(terms: OptionalTerms) -> String {
    let adjusted =
      ["trend", "seasonality"] + (terms.promotion ? ["promotions"] : [])
      + (terms.price ? ["price"] : [])
    return adjusted.dropLast().joined(separator: ", ") + " and " + (adjusted.last ?? "")
  }
}
