import Foundation
import XCTest

/// Runs the built `bayes-mmm` binary and captures its exit code, stdout and stderr.
///
/// The binary sits next to the test bundle in the build folder (`.build/<config>/`).
enum CLI {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// The package root (two levels above this file's folder).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var binary: URL {
    var dir = Bundle(for: Marker.self).bundleURL
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("bayes-mmm")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()
      .appendingPathComponent("bayes-mmm")
  }

  private final class Marker {}

  /// Runs `bayes-mmm args...` with the package root as working directory. A command still
  /// running after `timeout` seconds is terminated (SIGTERM, then SIGKILL), so a hang fails
  /// its test instead of blocking the suite.
  static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 600)
    throws -> Result
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem {
      guard process.isRunning else { return }
      process.terminate()
      Thread.sleep(forTimeInterval: 2)
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Every entry under `url`, hidden ones too, with its bytes (empty for a folder): two
  /// snapshots are equal exactly when nothing under `url` was added, removed or changed.
  static func snapshot(_ url: URL) throws -> [String: Data] {
    var entries: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: url.path)
    while let name = enumerator?.nextObject() as? String {
      let path = url.appendingPathComponent(name).path
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      entries[name] =
        isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return entries
  }

  /// A short `sample` run of the bundled data (2 chains x (150 warm-up + 100 draws)) into
  /// `folder/name`, with `extra` arguments; asserts it exits 0 and returns its folder.
  static func shortRun(
    in folder: URL, name: String = "run", extra: [String] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> String {
    let out = folder.appendingPathComponent(name).path
    let sample = try run(
      ["sample", "--out", out, "--chains", "2", "--warmup", "150", "--draws", "100", "--quiet"]
        + extra)
    XCTAssertEqual(sample.status, 0, sample.stderr, file: file, line: line)
    return out
  }

  /// A fresh temporary directory, removed by the caller's teardown.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bayes-mmm-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

final class CLISmokeTests: XCTestCase {
  func testHelpListsTheToolAndExitsZero() throws {
    let result = try CLI.run(["--help"])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.contains("bayes-mmm"), result.stdout)
  }
}
