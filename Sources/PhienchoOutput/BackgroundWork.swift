import Foundation
import PhienchoCore

/// A value computed on a thread of its own while the build goes on; `value` waits for it. A
/// thread, not a dispatch queue: the stages' `parallelMap` keeps the dispatch pool busy, and this
/// work must not wait behind it.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the thread before `done` is signalled; read only after waiting for it.
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    package var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
