import Foundation

/// Reads a file the user names (data, priors, roles), refusing anything but a regular file.
///
/// ```swift
/// let bytes = try RegularFile.contents(atPath: "data/mmm_weekly.csv")
/// try RegularFile.contents(atPath: "/dev/null")     // []: the null device reads as empty
/// try RegularFile.contents(atPath: "pipe")          // throws .special(kind: "a named pipe (FIFO)")
/// ```
///
/// A FIFO, socket or device is refused without being opened: opening a FIFO blocks until a
/// writer appears and a device such as `/dev/zero` never ends. The one exception is the null
/// device, which reads as an empty file (so the caller says "empty", not "cannot read").
/// Symbolic links are followed.
enum RegularFile {
  enum Failure: Error, Equatable {
    case noSuchFile
    case folder
    /// Not a regular file; `kind` says what it is, with its article ("a named pipe (FIFO)").
    case special(kind: String)
    /// A regular file that could not be read (permissions, I/O).
    case unreadable
  }

  static func contents(atPath path: String) throws(Failure) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else { throw .noSuchFile }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      break
    case S_IFDIR:
      throw .folder
    case S_IFCHR where isNullDevice(status):
      return []
    case let type:
      throw .special(kind: kindDescription(type))
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable }
    return [UInt8](data)
  }

  /// Whether `status` is that of `/dev/null` (the same device number).
  private static func isNullDevice(_ status: stat) -> Bool {
    var null = stat()
    return stat("/dev/null", &null) == 0 && null.st_mode & S_IFMT == S_IFCHR
      && null.st_rdev == status.st_rdev
  }

  /// "a named pipe (FIFO)", "a character device", ... for a `st_mode & S_IFMT` value.
  private static func kindDescription(_ type: mode_t) -> String {
    switch type {
    case S_IFIFO: return "a named pipe (FIFO)"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "a special file"
    }
  }
}
