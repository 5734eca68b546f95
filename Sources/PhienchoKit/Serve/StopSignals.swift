import Dispatch
import Foundation
import PhienchoCore

/// Turns SIGINT (Ctrl-C), SIGTERM and (when asked, as `serve` does) SIGHUP into an awaitable event, so the preview server can stop
/// cleanly — close its socket, remove its temporary folder — instead of dying mid-way. After the
/// first signal the default action is restored: a second Ctrl-C ends the process at once.
public final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var waiters: [UUID: CheckedContinuation<Int32?, Never>] = [:]
    private var sources: [any DispatchSourceSignal] = []
    private let signals: [Int32]

    public init(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Returns the number of the first signal received (at once if one already came), or nil when
    /// the waiting task is cancelled.
    public func wait() async -> Int32? {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let received {
                    lock.unlock()
                    continuation.resume(returning: received)
                } else if Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiters[id] = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let waiter = waiters.removeValue(forKey: id)
            lock.unlock()
            waiter?.resume(returning: nil)
        }
    }

    private func deliver(_ number: Int32) {
        lock.lock()
        if received == nil { received = number }
        let waiting = Array(waiters.values)
        waiters = [:]
        lock.unlock()
        for number in signals { signal(number, SIG_DFL) }
        for waiter in waiting { waiter.resume(returning: number) }
    }
}
