import CPlatform
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PhienchoCore

/// Stops a build cleanly on SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed).
///
/// Once `install()` has run, a signal is handled on a thread of its own, not in a signal handler:
/// it waits for any `critical` section in progress (the swap of the new site into place and the
/// clean-up of the old one), runs every registered clean-up (the staging folder and the lock file
/// beside the output), and exits with 128 + the signal's number (130, 143, 129). The output folder
/// then holds the previous site or, if the swap had happened, the new one, whole either way, and
/// nothing of the build is left beside it. Without `install()` (tests, the preview server, which
/// has its own `StopSignals`) `critical` and the registrations cost a lock and do nothing else.
public enum Interruption {
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Recursive: a clean-up run by the signal thread may unregister itself.
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var cleanups: [Int: @Sendable () -> Void] = [:]
    nonisolated(unsafe) private static var nextToken = 0
    nonisolated(unsafe) private static var installed = false

    /// Handles the signals from now on (idempotent). Call once, early, from the command line tool.
    public static func install() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            let descriptor = signals.withUnsafeBufferPointer { phiencho_signal_pipe($0.baseAddress, Int32($0.count)) }
            guard descriptor >= 0 else { return }
            let thread = Thread { watch(descriptor) }
            thread.name = "phiencho-signals"
            thread.start()
        }
    }

    /// Runs `body` with signals held back: a signal that arrives meanwhile is acted on afterwards.
    static func critical<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Registers `cleanup` to run if the build is interrupted; returns the token for `unregister`.
    static func register(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        lock.withLock {
            nextToken += 1
            cleanups[nextToken] = cleanup
            return nextToken
        }
    }

    static func unregister(_ token: Int) {
        _ = lock.withLock { cleanups.removeValue(forKey: token) }
    }

    private static func watch(_ descriptor: Int32) -> Never {
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) != 1 {}
        // Held until the process ends: no critical section starts after this point.
        lock.lock()
        for token in cleanups.keys.sorted().reversed() { cleanups[token]?() }
        _exit(128 + Int32(byte))
    }
}
