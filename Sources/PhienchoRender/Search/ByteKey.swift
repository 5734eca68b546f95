import PhienchoCore
import PhienchoModel

/// Text as a dictionary key compared and hashed by its UTF-8 bytes. `String`'s own hashing
/// normalises non-ASCII text on every call; the index's keys are already NFC (or compared as
/// written, for the runs of a text), so their bytes suffice and are much faster.
struct ByteKey<Text: StringProtocol & Sendable>: Hashable, Sendable {
    package let text: Text

    package init(_ text: Text) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }
}
