import XCTest

@testable import BayesMMM

/// The ownership rule and the transaction that applies it, on folders made by hand.
final class OutputOwnershipRuleTests: TemporaryFolderTestCase {
  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  private func makeFolder(_ name: String, files: [String: String]) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (file, text) in files {
      try text.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    return url.path
  }

  private func entries(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  func testARunFolderOfAnEarlierVersionIsOursButOnlyItsChainFilesAreListed() throws {
    let run = try makeFolder(
      "run",
      files: [
        "run.json": #"{"tool": "bayes-mmm", "chain_files": ["chain-1.csv", "notes.md"]}"#,
        "chain-1.csv": "x", "notes.md": "keep",
      ])
    XCTAssertEqual(
      try OutputOwnership.inspectFolder(run, as: RunFolder.kind, option: "--out"),
      .ours(files: ["chain-1.csv", "run.json"]))
  }

  func testAMarkerOfAnotherToolOrKindIsRefused() throws {
    let other = try makeFolder("other", files: ["run.json": #"{"tool": "cmdstan"}"#])
    XCTAssertThrowsError(
      try OutputOwnership.inspectFolder(other, as: RunFolder.kind, option: "--out")
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "\(other) exists and is not a bayes-mmm run folder (its run.json has no \"tool\": "
          + "\"bayes-mmm\"); choose another --out or remove it yourself")
    }
    let prior = try makeFolder(
      "prior", files: ["summary.json": #"{"tool": "bayes-mmm", "kind": "run"}"#])
    XCTAssertThrowsError(
      try OutputOwnership.inspectFolder(prior, as: PriorPredictiveFolder.kind, option: "--out")
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "\(prior) exists and is not a bayes-mmm prior-predictive folder (its summary.json says "
          + "\"kind\": \"run\", not \"prior-predictive\"); choose another --out or remove it "
          + "yourself")
    }
  }

  func testACommitReplacesTheOwnFilesRemovesStaleOnesAndKeepsForeignOnes() throws {
    let run = try makeFolder(
      "run",
      files: [
        "run.json":
          #"{"tool": "bayes-mmm", "kind": "run", "chain_files": ["chain-1.csv", "chain-2.csv"]}"#,
        "chain-1.csv": "old 1", "chain-2.csv": "old 2", "notes.md": "keep",
      ])
    let output = try OutputTransaction.folder(run, kind: RunFolder.kind)
    try output.stage("chain-1.csv", Data("new 1".utf8))
    try output.stage("run.json", Data(#"{"tool": "bayes-mmm", "kind": "run"}"#.utf8))
    XCTAssertEqual(try entries(run).filter { !$0.hasPrefix(".") }.count, 4)
    try output.commit()
    XCTAssertEqual(try entries(run), ["chain-1.csv", "notes.md", "run.json"])
    XCTAssertEqual(try String(contentsOfFile: run + "/chain-1.csv", encoding: .utf8), "new 1")
  }

  func testAnAbandonedOutputLeavesNeitherFilesNorTheFoldersItCreated() throws {
    let output = try OutputTransaction.folder(path("a/b/c"), kind: RunFolder.kind)
    try output.stage("chain-1.csv", Data("1".utf8))
    XCTAssertTrue(FileManager.default.fileExists(atPath: path("a/b/c")))
    output.abandon()
    XCTAssertEqual(try entries(folder.path), [])
  }

  func testACancelledCommitRenamesNothing() throws {
    let cancel = CancellationFlag()
    let output = try OutputTransaction.folder(path("run"), kind: RunFolder.kind, cancel: cancel)
    try output.stage("chain-1.csv", Data("1".utf8))
    cancel.cancel()
    XCTAssertThrowsError(try output.commit()) { error in
      XCTAssertEqual(error as? OutputCancelled, OutputCancelled(path: path("run")))
    }
    XCTAssertEqual(try entries(folder.path), [])
  }

  func testACancelledSingleFileNamesTheFileAndLeavesNoFolder() throws {
    let cancel = CancellationFlag()
    cancel.cancel()
    let report = path("new/report.html")
    XCTAssertThrowsError(
      try OutputTransaction.writeFile(
        Data("x".utf8), to: report, kind: .htmlReport, cancel: cancel)
    ) { error in
      XCTAssertEqual(error as? OutputCancelled, OutputCancelled(path: report))
    }
    XCTAssertEqual(try entries(folder.path), [])
  }

  func testReportsOfEarlierVersionsAndOurTruthFilesAreReplaceable() throws {
    let report = path("report.html")
    try "<html><head><title>bayes-mmm report</title></head></html>".write(
      toFile: report, atomically: true, encoding: .utf8)
    XCTAssertNoThrow(
      try OutputOwnership.checkFile(report, as: .htmlReport, newContent: Data(), option: "--out"))
    let truth = path("truth.json")
    try #"{"seed": 1, "weeks": 8, "truth_source": "priors", "parameters": {}, "effects": {}}"#
      .write(toFile: truth, atomically: true, encoding: .utf8)
    XCTAssertNoThrow(
      try OutputOwnership.checkFile(truth, as: .truthJSON, newContent: Data(), option: "--out"))
    XCTAssertThrowsError(
      try OutputOwnership.checkFile(folder.path, as: .truthJSON, newContent: Data(), option: "-o")
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "\(folder.path) exists and is not a bayes-mmm truth file (it is a folder); choose "
          + "another -o or remove it yourself")
    }
  }
}
