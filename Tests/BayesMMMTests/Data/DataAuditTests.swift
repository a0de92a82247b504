import XCTest
@testable import BayesMMM

/// The audit on the bundled file: every finding with its exact column, rows and counts
/// (cross-checked with numpy), then findings the bundled file does not trigger.
final class DataAuditTests: TemporaryFolderTestCase {
  private func realFindings(roles: ColumnRoles = ColumnRoles()) throws -> [AuditFinding] {
    try DataAudit().findings(
      for: try WeeklyDataset.load(path: DataFixtures.realFilePath, roles: roles))
  }

  private func finding(_ code: AuditFinding.Code, _ column: String?, in findings: [AuditFinding])
    throws -> AuditFinding
  {
    try XCTUnwrap(
      findings.first { $0.code == code && $0.column == column }, "\(code) \(column ?? "")")
  }

  private static func zeroRows(_ column: String) throws -> [Int] {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    let values = data.spendChannels.first { $0.name == column }?.values ?? []
    return values.indices.filter { values[$0] == 0 }.map { $0 + 1 }
  }

  func testFindingsOnTheBundledFileInOrder() throws {
    let summary = try realFindings().map {
      "\($0.severity) \($0.code.rawValue) \($0.column ?? "-")"
    }
    XCTAssertEqual(summary, [
      "warning outcome-floor revenue",
      "warning outcome-dynamic-range revenue",
      "warning mediator-zero-weeks google_spend",
      "warning channel-never-off facebook_spend",
      "warning channel-mostly-off tiktok_spend",
      "warning channel-mostly-off instagram_spend",
      "warning channel-mostly-off snapchat_spend",
      "info channel-never-off emails_send",
      "info channel-never-off sms_send",
      "warning leading-zeros-missing social_followers",
      "info downstream-excluded social_followers",
      "info collinearity-checked -",
    ])
  }

  func testFloorWeeksAreLeftCensoredWithTheirDates() throws {
    let floor = try finding(.outcomeFloor, "revenue", in: try realFindings())
    XCTAssertEqual(floor.rows, [8, 31, 35, 57, 61, 62, 84, 89])
    XCTAssertEqual(
      floor.message,
      "revenue is exactly 1.00, its minimum, in 8 of 104 weeks: a reporting floor, not a sale "
        + "(a minimum repeated in at least 3 weeks and 2% of the weeks is read as a floor; "
        + "2023-11-05, 2024-04-14, 2024-05-12, 2024-10-13, 2024-11-10, 2024-11-17, 2025-04-20, "
        + "2025-05-25)")
    XCTAssertEqual(
      floor.action,
      "treated as left-censored: these weeks contribute P(revenue <= 1.00) instead of a density "
        + "(MODEL.md 3.4)")
  }

  func testDynamicRange() throws {
    let range = try finding(.outcomeDynamicRange, "revenue", in: try realFindings())
    XCTAssertEqual(range.rows, [8, 16, 31, 35, 57, 61, 62, 84, 89])
    XCTAssertEqual(
      range.message,
      "revenue spans 1.00 to 398,453.53, 5.6 orders of magnitude (from 64.50 without the floor "
        + "weeks)")
  }

  func testGoogleZeroWeeksAreAHurdle() throws {
    let google = try finding(.mediatorZeroWeeks, "google_spend", in: try realFindings())
    XCTAssertEqual(google.severity, .warning)
    XCTAssertEqual(google.rows.count, 59)
    XCTAssertEqual(google.rows, try Self.zeroRows("google_spend"))
    XCTAssertEqual(Array(google.rows.prefix(5)), [3, 4, 5, 8, 9])
    XCTAssertEqual(google.message, "google_spend is 0 in 59 of 104 weeks")
    XCTAssertTrue(google.action.hasPrefix("modelled as a hurdle"), google.action)
  }

  func testFlightedChannelsWithTheirCounts() throws {
    let findings = try realFindings()
    for (column, zeros) in [("tiktok_spend", 68), ("instagram_spend", 63), ("snapchat_spend", 63)]
    {
      let flighted = try finding(.channelMostlyOff, column, in: findings)
      XCTAssertEqual(flighted.rows.count, zeros, column)
      XCTAssertEqual(flighted.rows, try Self.zeroRows(column))
      XCTAssertEqual(flighted.message, "\(column) is 0 in \(zeros) of 104 weeks (flighting)")
      XCTAssertEqual(
        flighted.action,
        "kept; its effect is learnt from the \(104 - zeros) weeks it is on, so expect wide "
          + "intervals")
    }
  }

  func testChannelsNeverOff() throws {
    let findings = try realFindings()
    let facebook = try finding(.channelNeverOff, "facebook_spend", in: findings)
    XCTAssertEqual(facebook.severity, .warning)
    XCTAssertEqual(facebook.rows, [])
    XCTAssertEqual(
      facebook.message,
      "facebook_spend is never 0 (lowest week 2,456.94, mean 5,346.30): no week shows it "
        + "switched off")
    XCTAssertTrue(facebook.action.contains("extrapolation"), facebook.action)
    XCTAssertEqual(try finding(.channelNeverOff, "emails_send", in: findings).severity, .info)
    XCTAssertEqual(try finding(.channelNeverOff, "sms_send", in: findings).severity, .info)
  }

  func testFollowersLeadingZerosAreMissingAndTheColumnIsExcluded() throws {
    let findings = try realFindings()
    let zeros = try finding(.leadingZerosMissing, "social_followers", in: findings)
    XCTAssertEqual(zeros.rows, Array(1...26))
    XCTAssertEqual(
      zeros.message,
      "social_followers is 0 in the first 26 weeks (2023-09-17 to 2024-03-10), then jumps to "
        + "51,091: missing data, not zero")
    let excluded = try finding(.downstreamExcluded, "social_followers", in: findings)
    XCTAssertTrue(excluded.message.contains("downstream of social spend"), excluded.message)
    XCTAssertTrue(excluded.action.hasPrefix("excluded from the model"), excluded.action)
  }

  /// numpy: largest |r| is log price ~ sin(2 pi 2 w / 52.18) = -0.7638; largest VIF 4.5929
  /// (log price) among the 14 regressors.
  func testNoStrongCollinearityOnTheBundledFileAndTheNumbersAreShown() throws {
    let findings = try realFindings()
    XCTAssertFalse(
      findings.contains { $0.code == .collinearPair || $0.code == .highVarianceInflation })
    let checked = try finding(.collinearityChecked, nil, in: findings)
    XCTAssertEqual(
      checked.message,
      "no pair of the 14 regressors has |r| >= 0.80 and no VIF reaches 5: the strongest "
        + "correlation is r = -0.76 (log(average_price), season sin(2)), the largest VIF 4.59 "
        + "(log(average_price))")
  }

  /// numpy on weeks 27-104: r(followers, trend) = 0.9994, VIF 1681.2 (trend) and 1694.8
  /// (followers); nothing else reaches the thresholds.
  func testFollowersAsAControlAreCollinearWithTheTrendAndWarned() throws {
    let findings = try realFindings(roles: ColumnRoles(controls: ["social_followers"]))
    let codes = findings.map(\.code)
    XCTAssertTrue(codes.contains(.downstreamControl))
    XCTAssertFalse(codes.contains(.downstreamExcluded))
    let zeros = try finding(.leadingZerosMissing, "social_followers", in: findings)
    XCTAssertEqual(
      zeros.action, "marked missing in those weeks; the model must not read them as zero")
    let pairs = findings.filter { $0.code == .collinearPair }
    XCTAssertEqual(pairs.map(\.column), ["social_followers, trend"])
    XCTAssertEqual(
      pairs.first?.message,
      "social_followers and trend are strongly correlated: r = 1.00 over 78 weeks")
    let inflated = findings.filter { $0.code == .highVarianceInflation }
    XCTAssertEqual(inflated.map(\.column), ["social_followers", "trend"])
    XCTAssertEqual(
      inflated.map(\.message),
      ["social_followers has a variance inflation factor of 1,694.8: the other regressors "
         + "explain 100% of its variation",
       "trend has a variance inflation factor of 1,681.2: the other regressors explain 100% of "
         + "its variation"])
  }

  func testFewerRowsThanParameters() throws {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    XCTAssertThrowsError(try DataAudit(parameterCount: 105).findings(for: data)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(DataFixtures.realFilePath): 104 weeks of data but the model has 105 parameters; it "
          + "needs at least as many weeks as parameters")
    }
    XCTAssertNoThrow(try DataAudit(parameterCount: 104).findings(for: data))
  }

  func testVarianceInflationAgainstAnExactInverse() throws {
    // Two regressors with correlation rho: R^2 = rho^2, so VIF = 1 / (1 - rho^2).
    let factors = try XCTUnwrap(VarianceInflation.factors(correlation: [[1, 0.6], [0.6, 1]]))
    XCTAssertEqual(factors[0], 1 / (1 - 0.36), accuracy: 1e-12)
    XCTAssertNil(VarianceInflation.factors(correlation: [[1, 1], [1, 1]]))
  }

  func testWeekGapsAreWarnedWithTheMissingDates() throws {
    var lines = try DataFixtures.realLines()
    lines.removeSubrange(4...5)
    let data = try WeeklyDataset.load(path: try write(lines.joined(separator: "\n")))
    let gaps = try DataAudit().findings(for: data).filter { $0.code == .weekGap }
    XCTAssertEqual(gaps.count, 1)
    XCTAssertEqual(gaps.first?.column, "week")
    XCTAssertEqual(gaps.first?.rows, [3, 4])
    XCTAssertEqual(
      gaps.first?.message,
      "2 weeks missing between 2023-10-01 (row 3) and 2023-10-22 (row 4): 2023-10-08, 2023-10-15")
  }

  func testNoFloorWhenTheMinimumIsNotRepeated() throws {
    let text = try DataFixtures.replacing(
      cells: [8, 31, 35, 57, 61, 62, 84, 89].enumerated().map { ($1, "revenue", "\($0 + 2)") })
    let data = try WeeklyDataset.load(path: try write(text))
    XCTAssertNil(data.floorValue)
    XCTAssertFalse(try DataAudit().findings(for: data).contains { $0.code == .outcomeFloor })
  }

  func testLeadingZeroRule() {
    XCTAssertEqual(LeadingZeros.missingRunLength([0, 0, 0, 51_091, 52_118, 53_027]), 3)
    XCTAssertEqual(LeadingZeros.missingRunLength([0, 0, 1, 2, 3, 4]), 0)
    XCTAssertEqual(LeadingZeros.missingRunLength([0, 0, 500, 0, 700]), 0)
    XCTAssertEqual(LeadingZeros.missingRunLength([0, 100, 101, 102]), 0)
    XCTAssertEqual(LeadingZeros.missingRunLength([0, 0, 0]), 0)
  }
}
