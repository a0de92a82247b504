import Foundation
import XCTest

@testable import BayesMMM

/// Files the user names must be regular files: a FIFO is refused without being opened (which
/// would block), the null device reads as empty. The data, roles and priors files alike.
final class RegularFileTests: TemporaryFolderTestCase {
  private func fifo() throws -> String {
    let path = folder.appendingPathComponent("pipe").path
    XCTAssertEqual(mkfifo(path, 0o600), 0)
    return path
  }

  func testAFIFOIsRefusedWithoutOpeningIt() throws {
    let path = try fifo()
    XCTAssertThrowsError(try RegularFile.contents(atPath: path)) { error in
      XCTAssertEqual(error as? RegularFile.Failure, .special(kind: "a named pipe (FIFO)"))
    }
  }

  func testTheNullDeviceReadsAsEmptyAndOtherDevicesAreRefused() throws {
    XCTAssertEqual(try RegularFile.contents(atPath: "/dev/null"), [])
    XCTAssertThrowsError(try RegularFile.contents(atPath: "/dev/zero")) { error in
      XCTAssertEqual(error as? RegularFile.Failure, .special(kind: "a character device"))
    }
    XCTAssertThrowsError(try RegularFile.contents(atPath: folder.path)) { error in
      XCTAssertEqual(error as? RegularFile.Failure, .folder)
    }
    XCTAssertThrowsError(try RegularFile.contents(atPath: "/nonexistent/x")) { error in
      XCTAssertEqual(error as? RegularFile.Failure, .noSuchFile)
    }
  }

  func testARolesFileThatIsAFIFO() throws {
    let path = try fifo()
    XCTAssertThrowsError(try ColumnRoles.load(fromFile: path)) { error in
      XCTAssertEqual(
        "\(error)", "\(path): the roles file is not a regular file but a named pipe (FIFO)")
    }
    XCTAssertThrowsError(try ColumnRoles.load(fromFile: "/dev/null")) { error in
      XCTAssertEqual("\(error)", "/dev/null: not valid JSON")
    }
  }

  func testAPriorsFileThatIsAFIFO() throws {
    let path = try fifo()
    XCTAssertThrowsError(try PriorsConfiguration(contentsOf: path)) { error in
      XCTAssertEqual("\(error)", "\(path): not a regular file but a named pipe (FIFO)")
    }
    XCTAssertThrowsError(try PriorsConfiguration(contentsOf: "/dev/null")) { error in
      XCTAssertTrue("\(error)".hasPrefix("/dev/null: not valid JSON ("), "\(error)")
    }
  }
}
