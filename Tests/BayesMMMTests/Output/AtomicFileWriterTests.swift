import XCTest
@testable import BayesMMM

final class AtomicFileWriterTests: TemporaryFolderTestCase {
  private func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  func testWritesANewFileAndLeavesNoTemporaryFile() throws {
    let path = folder.appendingPathComponent("summary.json").path
    try AtomicFileWriter.write("{\"ok\": true}\n", to: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"ok\": true}\n")
    XCTAssertEqual(try entries(), ["summary.json"])
  }

  func testReplacesAnExistingFileWhole() throws {
    let path = try write(String(repeating: "old content\n", count: 1000), to: "draws.csv")
    let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
    try AtomicFileWriter.write(bytes, to: path)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
    XCTAssertEqual(try entries(), ["draws.csv"])
  }

  func testFailureLeavesNothingBehindAndNamesThePath() throws {
    let path = folder.appendingPathComponent("missing-folder/out.csv").path
    XCTAssertThrowsError(try AtomicFileWriter.write("x", to: path)) { error in
      XCTAssertEqual("\(error)", "cannot write \(path): No such file or directory")
    }
    XCTAssertEqual(try entries(), [])
  }

  func testRenameFailureRemovesTheTemporaryFile() throws {
    // A folder in the destination's place: rename(2) refuses to replace it.
    let path = folder.appendingPathComponent("taken").path
    try FileManager.default.createDirectory(
      atPath: path + "/inside", withIntermediateDirectories: true)
    XCTAssertThrowsError(try AtomicFileWriter.write("x", to: path)) { error in
      XCTAssertTrue("\(error)".hasPrefix("cannot write \(path): "), "\(error)")
    }
    XCTAssertEqual(try entries(), ["taken"])
  }
}
