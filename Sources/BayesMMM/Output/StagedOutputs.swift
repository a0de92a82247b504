import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process-wide list of staged (not yet committed) output files and of the folders
/// created for them, and the lock that makes a commit indivisible.
///
/// ```swift
/// // in a signal handler, before exiting at once:
/// StagedOutputs.shared.removeAllAndHold()
/// _exit(130)
/// ```
///
/// `OutputTransaction` creates every temporary file and folder while holding the lock and
/// registers it at once, and holds the lock through its renames. So
/// `removeAllAndHold()` either waits for a commit to finish (nothing is staged afterwards)
/// or runs before it starts; either way no staged file or created folder survives, and no
/// commit is left half done. After it, the lock stays taken: the process must exit.
public final class StagedOutputs: @unchecked Sendable {
  public static let shared = StagedOutputs()

  private let lock = NSLock()
  private var files: Set<String> = []
  /// Folders created for outputs that are not committed yet, in creation order.
  private var folders: [String] = []

  /// Runs `body` holding the lock (file creation, commits).
  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Call with the lock held.
  func registerFile(_ path: String) { files.insert(path) }
  /// Call with the lock held.
  func forgetFile(_ path: String) { files.remove(path) }
  /// Call with the lock held.
  func registerFolder(_ path: String) { folders.append(path) }
  /// Call with the lock held.
  func forgetFolders(_ paths: [String]) { folders.removeAll { paths.contains($0) } }

  /// Removes every staged file and every folder created for them (when empty), then keeps
  /// the lock so that nothing can be staged or committed until the process exits.
  public func removeAllAndHold() {
    lock.lock()
    for path in files { _ = unlink(path) }
    for path in folders.reversed() { _ = rmdir(path) }
    files.removeAll()
    folders.removeAll()
  }
}
