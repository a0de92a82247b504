/// One lift test (an experiment on one social channel) resolved against the data's weeks:
/// what `LiftTestTerm` adds to the log density and what the summary sets beside the model.
///
/// ```swift
/// let tests = try LiftTestFile.parse(bytes: csv, source: "lifts.csv", dataset: dataset)
/// tests[0].weeks            // 40...47: the test window and its cooldown, week indices
/// tests[0].spendChange      // .off, or .multiplier(1.2)
/// ```
///
/// The estimand (MODEL.md 11, docs/MODEL.md 11): the channel's observed weekly spend in the
/// test window `startWeek ... endWeek` is multiplied by the spend change (0 for `off`); spend
/// elsewhere is unchanged. The lift is the revenue of the arm with more spend minus the
/// revenue of the arm with less, summed over the window and `cooldownWeeks` weeks after it
/// (currency): for `off` it is observed minus off, for a multiplier m > 1 it is m x
/// observed minus observed, for m < 1 observed minus m x observed. So a positive lift always
/// means the channel's spend brought revenue. The model's counterpart is the total effect
/// (direct and through Google, adstock carry-over included) of the same change.
///
/// Invariants (checked by the parser): `0 <= startWeek <= endWeek`, `endWeek +
/// cooldownWeeks` is a week of the data, the channel spends in some week of the window,
/// `se > 0`, the multiplier is >= 0 and not 1, `lift` and `se` finite.
public struct LiftTest: Sendable, Equatable {
  /// How the test changed the channel's spend in its window.
  public enum SpendChange: Sendable, Equatable, CustomStringConvertible {
    /// Switched off (a holdout): spend 0 in the window.
    case off
    /// The observed spend times this factor (>= 0, not 1).
    case multiplier(Double)

    /// The factor applied to the observed spend (0 for `off`).
    public var factor: Double {
      switch self {
      case .off: return 0
      case .multiplier(let value): return value
      }
    }

    /// As the CSV writes it: `off` or the multiplier.
    public var description: String {
      switch self {
      case .off: return "off"
      case .multiplier(let value): return "\(value)"
      }
    }
  }

  /// The data row of the test in its file (1-based, the header is row 0) and its line.
  public let row: Int
  public let line: Int
  /// The channel's data column, e.g. `tiktok_spend`, and its social index.
  public let channel: String
  public let channelIndex: Int
  /// ISO dates as written, and the data weeks holding them (0-based).
  public let start: String
  public let end: String
  public let startWeek: Int
  public let endWeek: Int
  /// Weeks after `endWeek` whose carry-over counts towards the lift (spend there unchanged).
  public let cooldownWeeks: Int
  public let spendChange: SpendChange
  /// Measured incremental revenue (currency) and its standard error (currency, > 0).
  public let lift: Double
  public let se: Double

  public init(
    row: Int, line: Int, channel: String, channelIndex: Int, start: String, end: String,
    startWeek: Int, endWeek: Int, cooldownWeeks: Int, spendChange: SpendChange, lift: Double,
    se: Double
  ) {
    self.row = row
    self.line = line
    self.channel = channel
    self.channelIndex = channelIndex
    self.start = start
    self.end = end
    self.startWeek = startWeek
    self.endWeek = endWeek
    self.cooldownWeeks = cooldownWeeks
    self.spendChange = spendChange
    self.lift = lift
    self.se = se
  }

  /// The same test with another measurement (for simulated tests).
  public func measured(lift: Double, se: Double) -> LiftTest {
    LiftTest(
      row: row, line: line, channel: channel, channelIndex: channelIndex, start: start, end: end,
      startWeek: startWeek, endWeek: endWeek, cooldownWeeks: cooldownWeeks,
      spendChange: spendChange, lift: lift, se: se)
  }

  /// The weeks the lift is summed over: the window and its cooldown.
  public var weeks: ClosedRange<Int> { startWeek...(endWeek + cooldownWeeks) }

  /// +1 when the test raised spend (m > 1), -1 when it lowered it (`off`, m < 1): the sign
  /// that turns "test arm minus observed arm" into "more spend minus less spend".
  public var direction: Double { spendChange.factor > 1 ? 1 : -1 }

  /// The channel's spend path under the test: `observed` (any units, [T]) times the factor
  /// in the window, unchanged elsewhere.
  public func testSpend(observed: [Double]) -> [Double] {
    observed.indices.map { t in
      (startWeek...endWeek).contains(t) ? observed[t] * spendChange.factor : observed[t]
    }
  }
}
