import PhienchoCore

extension YAMLDocument {
    /// A space YAML does not take for one (a no-break space, a wide space, a zero-width space or a
    /// byte order mark) where YAML needs a real one: in a line's indentation, or right after the
    /// first colon of a line. Elsewhere in a value such a space is only text. Read from the UTF-8
    /// bytes: every front matter goes through here.
    static func firstUnusualSpace(in yaml: String) -> (line: Int, column: Int, name: String, place: String)? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> (Int, Int, String, String)? in
            var line = 1, start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var index = start
                while index < end && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
                if let name = unusualSpace(bytes, at: index, end: end) {
                    return (line, index - start + 1, name, "đầu dòng")
                }
                while index < end && ![UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "#")].contains(bytes[index]) {
                    index += 1
                }
                if index < end, bytes[index] == UInt8(ascii: ":"), let name = unusualSpace(bytes, at: index + 1, end: end) {
                    let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self).unicodeScalars.count + 1
                    return (line, column, name, "sau dấu hai chấm")
                }
                line += 1
                start = end + 1
            }
            return nil
        }
    }

    /// The name of the unusual space whose UTF-8 encoding starts at `index`, if one does.
    private static func unusualSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> String? {
        guard index < end, bytes[index] >= 0xC2 else { return nil }
        func byte(_ offset: Int) -> UInt8? { index + offset < end ? bytes[index + offset] : nil }
        switch (bytes[index], byte(1), byte(2)) {
        case (0xC2, 0xA0, _), (0xE2, 0x80, 0xAF): return "dấu cách không ngắt dòng"
        case (0xE2, 0x80, let third?) where (0x80...0x8A).contains(third): return "dấu cách rộng"
        case (0xE1, 0x9A, 0x80), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return "dấu cách rộng"
        case (0xE2, 0x80, 0x8B), (0xEF, 0xBB, 0xBF): return "ký tự trắng vô hình"
        default: return nil
        }
    }
}
