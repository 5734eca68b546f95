import Foundation

/// Content-hashed file names (`style.css` → `style.1a2b3c4d5e.css`) so that the portal can cache
/// them for ever. FNV-1a 64: fast and stable; these names need uniqueness, not secrecy.
package enum ContentHash {
    package static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(10))
    }

    package static func name(_ fileName: String, for data: Data) -> String {
        let hash = hex(data)
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return "\(fileName).\(hash)" }
        return "\(fileName[..<dot]).\(hash)\(fileName[dot...])"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
