import XCTest

@testable import BayesMMM

/// `OutputTransaction.stageConcurrently`: files built and staged on several threads are
/// committed in the order named, and a failure or a cancellation leaves the earlier output
/// and no staged file behind, as `stage` does.
final class OutputConcurrentStagingTests: TemporaryFolderTestCase {
  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  private func entries(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  private let names = (1...5).map { "chain-\($0).csv" }

  func testFilesBuiltOnAnyNumberOfThreadsAreCommittedWithTheirExtrasInOrder() throws {
    for threads in [1, 2, 3, 8] {
      let run = path("run-\(threads)")
      let output = try OutputTransaction.folder(run, kind: RunFolder.kind)
      let extras = try output.stageConcurrently(names: names, threads: threads) { index in
        if index == 0 { Thread.sleep(forTimeInterval: 0.01) }  // finishes last
        return (bytes: Array("file \(index)\n".utf8), extra: index * 10)
      }
      XCTAssertEqual(extras, [0, 10, 20, 30, 40])
      try output.stage("run.json", Data(#"{"tool": "bayes-mmm", "kind": "run"}"#.utf8))
      try output.commit()
      XCTAssertEqual(try entries(run), names + ["run.json"])
      for (index, name) in names.enumerated() {
        XCTAssertEqual(
          try String(contentsOfFile: run + "/" + name, encoding: .utf8), "file \(index)\n")
      }
    }
  }

  func testAFileThatCannotBeWrittenRemovesEveryStagedFileAndNamesThatFile() throws {
    let run = path("run")
    try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
    try "old".write(toFile: run + "/chain-1.csv", atomically: true, encoding: .utf8)
    try #"{"tool": "bayes-mmm", "kind": "run", "chain_files": ["chain-1.csv"]}"#.write(
      toFile: run + "/run.json", atomically: true, encoding: .utf8)
    let output = try OutputTransaction.folder(run, kind: RunFolder.kind)
    // A name longer than NAME_MAX cannot be opened.
    let tooLong = String(repeating: "x", count: 300) + ".csv"
    let names = ["chain-1.csv", tooLong, "chain-3.csv"]
    XCTAssertThrowsError(
      try output.stageConcurrently(names: names, threads: 2) { index in
        (bytes: Array("new \(index)".utf8), extra: index)
      }
    ) { error in
      XCTAssertEqual((error as? OutputError)?.path, run + "/" + tooLong)
    }
    XCTAssertEqual(try entries(run), ["chain-1.csv", "run.json"])
    XCTAssertEqual(try String(contentsOfFile: run + "/chain-1.csv", encoding: .utf8), "old")
  }

  func testACancelledOutputBuildsNoFurtherFileAndLeavesNothing() throws {
    let cancel = CancellationFlag()
    let output = try OutputTransaction.folder(path("run"), kind: RunFolder.kind, cancel: cancel)
    let built = ResultSlots<Bool>(count: names.count)
    XCTAssertThrowsError(
      try output.stageConcurrently(names: names, threads: 1) { index in
        built.set(index, true)
        if index == 1 { cancel.cancel() }
        return (bytes: Array("\(index)".utf8), extra: index)
      }
    ) { error in
      XCTAssertEqual(error as? OutputCancelled, OutputCancelled(path: path("run")))
    }
    XCTAssertEqual(built.values.count, 2)
    XCTAssertEqual(try entries(folder.path), [])
  }
}
