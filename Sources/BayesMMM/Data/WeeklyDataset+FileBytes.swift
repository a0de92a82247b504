import Foundation

extension WeeklyDataset {
  /// The bytes of the data file at `path`, which must be a regular file (symbolic links are
  /// followed).
  ///
  /// A FIFO, socket or device is refused without being opened: opening a FIFO blocks until a
  /// writer appears and a device such as `/dev/zero` never ends. The one exception is the null
  /// device (`/dev/null`), which reads as an empty file and is reported as one.
  static func readBytes(_ path: String) throws(DataError) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw .unreadable(file: path, reason: errno == ENOENT ? "no such file" : Self.errorText())
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      break
    case S_IFDIR:
      throw .unreadable(file: path, reason: "it is a folder")
    case S_IFCHR where isNullDevice(status):
      throw .emptyFile(file: path)
    case let type:
      throw .notARegularFile(file: path, kind: kindDescription(type))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "permission denied or I/O error")
    }
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

  private static func errorText() -> String {
    String(cString: strerror(errno)).lowercased()
  }
}
