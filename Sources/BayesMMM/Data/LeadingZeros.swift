/// Finds a leading run of zeros that stands for "not recorded yet" rather than zero.
///
/// ```swift
/// LeadingZeros.missingRunLength([0, 0, 0, 51_091, 52_118, 53_027])   // 3
/// LeadingZeros.missingRunLength([0, 0, 1, 2, 3, 4])                   // 0: gradual start
/// ```
///
/// A run of k >= 2 zeros at the start counts as missing when (a) the series never returns
/// to zero after it, and (b) the first non-zero value is a jump: larger in size than 5 times
/// the median absolute week-to-week change after the run. A counter that starts being
/// recorded (followers: 0 for 26 weeks, then 51,091 growing by about 1,000 a week) passes
/// both; a flighted spend channel (zeros come back) or a series that starts from zero and
/// grows gradually does not. Only controls and unused columns are read this way: zero spend
/// is real.
public enum LeadingZeros {
  /// Length of the leading run judged missing, or 0.
  public static func missingRunLength(_ values: [Double]) -> Int {
    let run = values.prefix { $0 == 0 }.count
    guard run >= 2, run < values.count else { return 0 }
    let rest = values[run...]
    guard !rest.contains(0) else { return 0 }
    let changes = zip(rest.dropFirst(), rest).map { abs($0 - $1) }
    let typicalChange = changes.isEmpty ? 0 : Statistics.median(changes)
    return abs(values[run]) > 5 * typicalChange ? run : 0
  }
}
