import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM at any moment of `sample` (sampling, the effects pass, the commit of
/// the files): exit 130 / 143, the previous run byte for byte, nothing left behind (issue 12,
/// defect 6). The commit point is reached through the test hook
/// `BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT` (seconds to sleep before the renames).
final class SignalTests: XCTestCase {
  private var folder: URL!
  private var run: URL { folder.appendingPathComponent("run") }

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private let small = [
    "--chains", "2", "--warmup", "60", "--draws", "20", "--mediator-paths", "2", "--quiet",
  ]

  /// A finished earlier run in `run`, with a user's note inside.
  private func earlierRun() throws -> [String: Data] {
    let result = try CLI.run(["sample", "--out", run.path, "--seed", "1"] + small)
    XCTAssertEqual(result.status, 0, result.stderr)
    try "keep\n".write(
      to: run.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    return try CLI.snapshot(folder)
  }

  private struct Outcome {
    let status: Int32
    let stderr: String
  }

  /// Starts `sample` with `arguments`, waits until `ready` holds (polling), sends `signals`
  /// 0.2 s apart and waits for the exit.
  private func interrupt(
    _ arguments: [String], environment: [String: String] = [:], signals: [Int32],
    when ready: () -> Bool
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["sample", "--out", run.path] + arguments
    process.currentDirectoryURL = CLI.packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while !ready() && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    for signal in signals {
      kill(process.processIdentifier, signal)
      Thread.sleep(forTimeInterval: 0.2)
    }
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stderr: stderr)
  }

  /// True once the command has staged its marker `run.json` (hidden `.run.json.tmp-*`), the
  /// last file it stages: the command is then at (or about to enter) the pause before the
  /// renames. Waiting for the first staged file instead lets a signal land between two
  /// stagings, where the cancellation is taken before the pause (a flake seen in CI).
  private func hasStagedTheMarker() -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: run.path)) ?? []
    return names.contains { $0.hasPrefix(".run.json.tmp-") }
  }

  private func started(after seconds: Double) -> () -> Bool {
    let start = Date()
    return { Date().timeIntervalSince(start) > seconds }
  }

  func testSIGTERMDuringSamplingKeepsTheOldRunAndExits143() throws {
    let before = try earlierRun()
    let outcome = try interrupt(
      ["--warmup", "20000", "--draws", "20000", "--quiet"], signals: [SIGTERM],
      when: started(after: 1.0))
    XCTAssertEqual(outcome.status, 143, outcome.stderr)
    XCTAssertEqual(
      outcome.stderr, "interrupted: the chains were stopped; nothing was written to \(run.path)\n")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }

  func testSIGINTDuringTheEffectsPassKeepsTheOldRunAndExits130() throws {
    let before = try earlierRun()
    let outcome = try interrupt(
      ["--chains", "1", "--warmup", "20", "--draws", "60", "--mediator-paths", "20000", "--quiet"],
      signals: [SIGINT], when: started(after: 4))
    XCTAssertEqual(outcome.status, 130, outcome.stderr)
    XCTAssertEqual(outcome.stderr, "interrupted: nothing was written to \(run.path)\n")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }

  func testSIGINTAtTheCommitKeepsTheOldRunAndLeavesNoStagedFiles() throws {
    let before = try earlierRun()
    let outcome = try interrupt(
      ["--seed", "2"] + small, environment: ["BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT": "30"],
      signals: [SIGINT], when: hasStagedTheMarker)
    XCTAssertEqual(outcome.status, 130, outcome.stderr)
    XCTAssertEqual(outcome.stderr, "interrupted: nothing was written to \(run.path)\n")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }

  func testSIGTERMTwiceAtTheCommitExitsAtOnceAndLeavesNoStagedFiles() throws {
    let before = try earlierRun()
    let start = Date()
    let outcome = try interrupt(
      ["--seed", "2"] + small,
      environment: [
        "BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT": "30", "BAYES_MMM_TEST_PAUSE_THROUGH_SIGNALS": "1",
      ],
      signals: [SIGTERM, SIGTERM], when: hasStagedTheMarker)
    XCTAssertEqual(outcome.status, 143, outcome.stderr)
    // The second signal's path ran: it removed the staged files itself and exited at once.
    XCTAssertTrue(outcome.stderr.contains("interrupted again: stopped at once"), outcome.stderr)
    XCTAssertLessThan(Date().timeIntervalSince(start), 25, "the second signal does not wait")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }

  func testSIGTERMAtTheCommitOfANewFolderLeavesNothing() throws {
    let outcome = try interrupt(
      small, environment: ["BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT": "30"], signals: [SIGTERM],
      when: hasStagedTheMarker)
    XCTAssertEqual(outcome.status, 143, outcome.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
  }
}
