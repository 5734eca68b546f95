import Foundation
import PhienchoCore

/// Frees what a build no longer needs on a thread of its own. Freeing every vacancy, its
/// projection and every rendered file is a deallocation per object, on one core, and the build's
/// report does not depend on it; a `phiencho build` process may even exit before it is
/// done, which is how the kernel takes memory back fastest.
enum Disposal {
    /// Takes the only remaining references to `value` (the caller consumes its own); the last of
    /// them is then released on the new thread.
    static func release<Value>(_ value: consuming Value) {
        let token = Unmanaged.passRetained(Box(value))
        Thread.detachNewThread { token.release() }
    }

    /// Holds the value; never read.
    private final class Box<Held>: @unchecked Sendable {
        let held: Held

        init(_ held: consuming Held) {
            self.held = held
        }
    }
}
