import Foundation

/// `map` over both cores, keeping the input order, so parallel stages stay deterministic.
/// Used by validation, rendering, the audit and the writer.
///
/// Each result is written straight into its slot of the returned array: no optional slots that
/// would then be copied on one core.
package func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    guard items.count > 1 else { return items.map(transform) }
    return [U](unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
        nonisolated(unsafe) let slots = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            (slots + index).initialize(to: transform(items[index]))
        }
        initializedCount = items.count
    }
}
