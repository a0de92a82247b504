import XCTest
@testable import BayesMMM

/// Another schema: renamed columns, two social channels, one owned channel, through a roles
/// file.
final class DataRemappedColumnsTests: TemporaryFolderTestCase {
  func testRenamedColumnsWithTwoSocialChannelsLoadFromARolesFile() throws {
    let text = try DataFixtures.selecting([
      ("week", "date"), ("revenue", "sales"), ("google_spend", "search"),
      ("facebook_spend", "meta"), ("tiktok_spend", "tiktok"), ("emails_send", "email"),
      ("average_price", "price"), ("promotions", "promo"), ("social_followers", "followers"),
    ])
    let dataPath = try write(text)
    let rolesPath = try write(
      #"""
      {"date": "date", "outcome": "sales", "mediator": "search", "social": ["meta", "tiktok"],
       "owned": ["email"], "price": "price", "promotion": "promo",
       "downstream_of_social": ["followers"]}
      """#, to: "roles.json")
    let roles = try ColumnRoles.load(fromFile: rolesPath)
    let data = try WeeklyDataset.load(path: dataPath, roles: roles)
    let original = try WeeklyDataset.load(path: DataFixtures.realFilePath)

    XCTAssertEqual(data.weekCount, 104)
    XCTAssertEqual(data.socialNames, ["meta", "tiktok"])
    XCTAssertEqual(data.social, Array(original.social.prefix(2)))
    XCTAssertEqual(data.ownedNames, ["email"])
    XCTAssertEqual(data.owned, [original.owned[0]])
    XCTAssertEqual(data.outcome, original.outcome)
    XCTAssertEqual(data.mediator, original.mediator)
    XCTAssertEqual(data.floorRows, original.floorRows)
    XCTAssertEqual(data.scales.spend.map(\.column), ["search", "meta", "tiktok", "email"])

    let findings = try DataAudit().findings(for: data)
    XCTAssertEqual(findings.filter { $0.code == .channelMostlyOff }.map(\.column), ["tiktok"])
    XCTAssertEqual(findings.filter { $0.code == .downstreamExcluded }.map(\.column), ["followers"])
    XCTAssertEqual(findings.first { $0.code == .outcomeFloor }?.column, "sales")
  }

  func testNoOwnedChannelsIsAllowed() throws {
    let data = try WeeklyDataset.load(
      path: DataFixtures.realFilePath, roles: ColumnRoles(owned: []))
    XCTAssertEqual(data.owned, [])
    XCTAssertEqual(data.unusedColumns.map(\.name), ["social_followers", "emails_send", "sms_send"])
    let notUsed = try DataAudit().findings(for: data).filter { $0.code == .columnNotUsed }
    XCTAssertEqual(notUsed.map(\.column), ["emails_send", "sms_send"])
  }
}
