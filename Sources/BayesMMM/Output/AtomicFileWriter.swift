import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see either the old content or the complete new one, never a
/// partial file. Commands write through `OutputTransaction`, which adds the ownership rule;
/// this is the primitive for files of no concern to a user (tests, scratch files).
///
/// ```swift
/// try AtomicFileWriter.write("draws...\n", to: "runs/default/draws.csv")
/// ```
///
/// The bytes go to a fresh temporary file in the destination's folder (same file system),
/// which is flushed to disk (`fsync`) and then renamed over the destination; POSIX `rename`
/// replaces the target atomically. On any failure the temporary file is removed and the
/// destination is left as it was. The folder must exist.
public enum AtomicFileWriter {
  /// Atomically replaces (or creates) `path` with `bytes`.
  public static func write(_ bytes: Data, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: lastErrorText()) }
    do throws(OutputError) {
      try writeAndClose(bytes, to: descriptor, path: path)
      guard rename(temporary, path) == 0 else {
        throw OutputError(path: path, reason: lastErrorText())
      }
    } catch {
      _ = unlink(temporary)
      throw error
    }
  }

  /// Atomically replaces (or creates) `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(Data(text.utf8), to: path)
  }

  private static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32, path: String)
    throws(OutputError)
  {
    let failure: String? = bytes.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return lastErrorText()
        }
        offset += written
      }
      return nil
    }
    if let failure { throw OutputError(path: path, reason: failure) }
  }

  /// Writes all of `bytes` to the open `descriptor`, flushes them to disk and closes it
  /// (also on failure); `path` names the destination in errors.
  static func writeAndClose(_ bytes: some ContiguousBytes, to descriptor: Int32, path: String)
    throws(OutputError)
  {
    var isOpen = true
    defer { if isOpen { _ = close(descriptor) } }
    try writeAll(bytes, to: descriptor, path: path)
    guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: lastErrorText()) }
    isOpen = false
    guard close(descriptor) == 0 else { throw OutputError(path: path, reason: lastErrorText()) }
  }

  static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

/// An output file that could not be written.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  public let path: String
  public let reason: String

  public var description: String { "cannot write \(path): \(reason)" }
}
