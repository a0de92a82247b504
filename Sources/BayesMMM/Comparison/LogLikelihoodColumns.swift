/// The pointwise log-likelihood columns that close every chain CSV (after the parameters and
/// the effect columns): the column contract `az.from_cmdstan(files, log_likelihood=...)`
/// reads and `bayes-mmm loo` scores (MODEL.md 9).
///
/// Five vectors of one value per fitted week, named as CmdStan names vector elements
/// (`<vector>.<t>`, t = 1 ... T), so ArviZ parses each as one variable; vector by vector
/// (outer, in `Vector.allCases` order), week by week (inner):
/// - `log_lik.t`: the joint model's week t, both equations (revenue + on/off + amount);
/// - `log_lik_revenue.t`: the revenue equation (Student-t log density, or in a floor week
///   the log CDF at the floor);
/// - `log_lik_search.t`: the Google (mediator) equation, the hurdle's on/off + amount;
/// - `log_lik_search_onoff.t`: its Bernoulli-logit on/off term;
/// - `log_lik_search_amount.t`: its normal log-amount term, exactly 0 in weeks Google is off
///   (nothing is observed there), so it is scored over Google's on weeks only.
///
/// Units: natural log of a probability (on/off, floor weeks) or of a density of log scaled
/// revenue / log scaled Google spend, per draw; `log_lik = log_lik_revenue + log_lik_search`
/// and `log_lik_search = log_lik_search_onoff + log_lik_search_amount` hold exactly (the sums
/// are formed once, in `append(onOff:amount:revenue:weeks:to:)`). The joint's sum over weeks
/// is the log density less the priors and log-Jacobians.
///
/// ```swift
/// LogLikelihoodColumns.names(weeks: 104)    // ["log_lik.1", ..., "log_lik_search_amount.104"]
/// LogLikelihoodColumns.contains("log_lik_revenue.7")   // true
/// ```
public enum LogLikelihoodColumns {
  /// The vectors, in column order; the raw value is the CmdStan variable name.
  public enum Vector: String, CaseIterable, Sendable {
    case joint = "log_lik"
    case revenue = "log_lik_revenue"
    case search = "log_lik_search"
    case searchOnOff = "log_lik_search_onoff"
    case searchAmount = "log_lik_search_amount"
  }

  /// All names for `weeks` fitted weeks: `5 x weeks`, in column order.
  public static func names(weeks: Int) -> [String] {
    Vector.allCases.flatMap { vector in (0..<weeks).map { name(vector, week: $0) } }
  }

  /// `<vector>.<t>` for the 0-based `week` (t = week + 1).
  public static func name(_ vector: Vector, week: Int) -> String {
    "\(vector.rawValue).\(week + 1)"
  }

  /// Number of columns for `weeks` fitted weeks.
  public static func count(weeks: Int) -> Int { Vector.allCases.count * weeks }

  /// Offset of `<vector>.<week + 1>` within the log-likelihood columns.
  public static func index(_ vector: Vector, week: Int, weeks: Int) -> Int {
    (Vector.allCases.firstIndex(of: vector) ?? 0) * weeks + week
  }

  /// True for a column this contract names (any vector, any week), so that tables of
  /// quantities (`summarize`, the diagnostics) can leave them out.
  public static func contains(_ column: String) -> Bool {
    guard let dot = column.lastIndex(of: ".") else { return false }
    let week = column[column.index(after: dot)...]
    return Vector(rawValue: String(column[..<dot])) != nil && !week.isEmpty
      && week.allSatisfy { $0.isASCII && $0.isNumber } && Int(week).map { $0 >= 1 } == true
  }

  /// Appends one draw's row (`count(weeks:)` values, column order) built from the three
  /// terms of each week (`JointModelDensity.pointwiseLogLikelihood`, fitted weeks only).
  public static func append(
    onOff: [Double], amount: [Double], revenue: [Double], weeks: Int, to row: inout [Double]
  ) {
    let search = (0..<weeks).map { onOff[$0] + amount[$0] }
    for vector in Vector.allCases {
      switch vector {
      case .joint: row += (0..<weeks).map { search[$0] + revenue[$0] }
      case .revenue: row += revenue.prefix(weeks)
      case .search: row += search
      case .searchOnOff: row += onOff.prefix(weeks)
      case .searchAmount: row += amount.prefix(weeks)
      }
    }
  }
}
