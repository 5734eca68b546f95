#if canImport(Glibc)
import Glibc
#endif
import PhienchoCore
import PhienchoContent

extension AuditText {
    /// The text a reader sees: character references decoded (`&#78;`, `&#x4E;`, `&amp;`, `&nbsp;` …),
    /// JSON `\uXXXX` escapes decoded, tags removed (inline ones without a gap, others as a space).
    static func visibleText(of text: String) -> String {
        String(decoding: readerViews(of: Array(text.utf8)).visible, as: UTF8.self)
    }

    /// What the audit searches in a file, in one pass without building Strings:
    /// - `visible`: the text a reader sees (`visibleText`);
    /// - `markup`: what is inside the tags (attribute values, comments, `<!DOCTYPE>` …), one tag per
    ///   line, with character references and `\uXXXX` escapes decoded as a browser decodes them in
    ///   attribute values (`href="tel:&#48;912…"`), and `%XX` as a browser decodes a URL.
    /// Together they hold every byte of the file once.
    static func readerViews(of bytes: [UInt8]) -> (visible: [UInt8], markup: [UInt8]) {
        var visible = ByteCollector(), markup = ByteCollector()
        visible.bytes.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { readerViews(of: $0, visible: &visible, markup: &markup) }
        return (visible.bytes, markup.bytes)
    }

    /// The same, handed to consumers as it is produced (the audit folds it straight into its automata).
    static func readerViews<Visible: UTF8Consumer, Markup: UTF8Consumer>(
        of bytes: UnsafeBufferPointer<UInt8>, visible: inout Visible, markup: inout Markup
    ) {
        let count = bytes.count
        var index = 0
        while index < count {
            decode(bytes, from: &index, upTo: find(UInt8(ascii: "<"), in: bytes, from: index, to: count) ?? count, into: &visible)
            guard index < count else { break }
            var nameStart = index + 1
            if nameStart < count, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
            var nameEnd = nameStart
            var name: UInt64 = 0
            while nameEnd < count, nameEnd - nameStart < 8, isASCIILetter(bytes[nameEnd]) {
                name = name << 8 | UInt64(bytes[nameEnd] | 0x20)
                nameEnd += 1
            }
            // An SVG path's data is longer than a tag is searched for; it is drawn geometry.
            let isPath = name == 0x70617468   // path
            guard let close = find(UInt8(ascii: ">"), in: bytes, from: index, to: isPath ? count : min(count, index + 2000)) else {
                visible.append(UInt32(UInt8(ascii: "<")))   // no tag: an ordinary character
                index += 1
                continue
            }
            if !(1...6).contains(nameEnd - nameStart) || !isInlineTag(name) { visible.append(0x20) }
            index += 1
            // A path's `d` is numbers and drawing commands the engine writes (the printed sheets' QR
            // codes, the statistics charts), never text: its other attributes are read, it is not.
            if isPath, let data = pathData(in: bytes, from: index, to: close) {
                decode(bytes, from: &index, upTo: data.lowerBound, into: &markup, percentEncoded: true)
                index = data.upperBound
            }
            decode(bytes, from: &index, upTo: close, into: &markup, percentEncoded: true)
            markup.append(UInt32(UInt8(ascii: "\n")))
            index = close + 1
        }
    }

    /// Where ` d="…"` is in a path tag's `bytes[from..<end]`, from the `d` through the closing quote.
    private static func pathData(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Range<Int>? {
        var index = from
        while let d = find(UInt8(ascii: "d"), in: bytes, from: index, to: end) {
            if d > from, d + 2 < end, bytes[d - 1] == UInt8(ascii: " "), bytes[d + 1] == UInt8(ascii: "="),
               bytes[d + 2] == UInt8(ascii: "\""), let quote = find(UInt8(ascii: "\""), in: bytes, from: d + 3, to: end) {
                return d..<(quote + 1)
            }
            index = d + 1
        }
        return nil
    }

    /// The first `byte` in `bytes[from..<end]`, or nil.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard from < end, let found = memchr(bytes.baseAddress! + from, Int32(byte), end - from) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Hands `bytes[index..<end]` to `out`, decoding references and escapes, and with
    /// `percentEncoded` (inside tags: `href="tel:0912%20345%20678"`, a profile link with a name in
    /// it) `%XX` sequences as UTF-8.
    private static func decode<Out: UTF8Consumer>(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, upTo end: Int,
                                                  into out: inout Out, percentEncoded: Bool = false) {
        while index < end {
            out.appendUntilEscape(bytes, from: &index, upTo: end)
            guard index < end else { return }
            if bytes[index] == UInt8(ascii: "&"), let semicolon = find(UInt8(ascii: ";"), in: bytes, from: index, to: min(end, index + 12)),
               let decoded = decodeReference(bytes[(index + 1)..<semicolon]) {
                if Unicode.Scalar(decoded) != nil { out.append(decoded) }
                index = semicolon + 1
            } else if percentEncoded, bytes[index] == UInt8(ascii: "%"), index + 2 < end,
                      hexValue(bytes[(index + 1)...(index + 2)]) != nil {
                var decoded: [UInt8] = []
                while index + 2 < end, bytes[index] == UInt8(ascii: "%"), let byte = hexValue(bytes[(index + 1)...(index + 2)]) {
                    decoded.append(UInt8(byte))
                    index += 3
                }
                for scalar in String(decoding: decoded, as: UTF8.self).unicodeScalars { out.append(scalar.value) }
            } else if bytes[index] == UInt8(ascii: "\\"), index + 5 < end, bytes[index + 1] == UInt8(ascii: "u"),
                      let value = hexValue(bytes[(index + 2)...(index + 5)]), Unicode.Scalar(value) != nil {
                out.append(value)
                index += 6
            } else {
                out.append(UInt32(bytes[index]))
                index += 1
            }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Whether a tag does not separate words on screen ("<b>Ng</b>uyễn" reads "Nguyễn"): a, abbr, b,
    /// bdi, bdo, cite, code, data, em, i, kbd, mark, q, s, samp, small, span, strong, sub, sup,
    /// time, u, var, wbr. `name`: the tag name's letters, lower-cased, packed into one integer as
    /// `readerViews` reads them (a switch over constants compiles to a few comparisons).
    static func isInlineTag(_ name: UInt64) -> Bool {
        switch name {
        case 0x61, 0x62, 0x69, 0x71, 0x73, 0x75,                  // a b i q s u
             0x656d,                                              // em
             0x626469, 0x62646f, 0x6b6264, 0x737562, 0x737570,    // bdi bdo kbd sub sup
             0x766172, 0x776272,                                  // var wbr
             0x61626272, 0x63697465, 0x636f6465, 0x64617461,      // abbr cite code data
             0x6d61726b, 0x73616d70, 0x7370616e, 0x74696d65,      // mark samp span time
             0x736d616c6c, 0x7374726f6e67:                        // small strong
            true
        default:
            false
        }
    }

    private static func hexValue(_ digits: some Collection<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }

    private static func decodeReference(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        let text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("#x") || text.hasPrefix("#X") { return UInt32(text.dropFirst(2), radix: 16).flatMap { Unicode.Scalar($0)?.value } }
        if text.hasPrefix("#") { return UInt32(text.dropFirst()).flatMap { Unicode.Scalar($0)?.value } }
        switch text {
        case "amp": return 0x26
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "quot": return 0x22
        case "apos": return 0x27
        case "nbsp": return 0x20
        case "shy": return 0xAD
        default: return namedLetters[text]
        }
    }

    /// HTML's named references for the letters Vietnamese is written with: the Latin-1 ones
    /// (`&agrave;`, `&Ecirc;`, `&ugrave;` … from base letter + grave/acute/circ/tilde/uml/ring/cedil)
    /// and ă, đ, ĩ, ũ. "H&ugrave;ng" is "Hùng" to a reader, so it must be to the audit.
    private static let namedLetters: [String: UInt32] = {
        var table: [String: UInt32] = ["Abreve": 0x102, "abreve": 0x103, "Dstrok": 0x110, "dstrok": 0x111,
                                       "Itilde": 0x128, "itilde": 0x129, "Utilde": 0x168, "utilde": 0x169]
        let marks: [(String, UInt32)] = [("grave", 0x300), ("acute", 0x301), ("circ", 0x302), ("tilde", 0x303),
                                         ("uml", 0x308), ("ring", 0x30A), ("cedil", 0x327)]
        for base in "AEIOUYNCaeiouync".unicodeScalars {
            for (name, mark) in marks {
                var pair = String.UnicodeScalarView()
                pair.append(base)
                pair.append(Unicode.Scalar(mark)!)
                let composed = String(pair).nfc.unicodeScalars
                if composed.count == 1, let scalar = composed.first, (0xC0...0xFF).contains(scalar.value) {
                    table[String(base) + name] = scalar.value
                }
            }
        }
        return table
    }()

}
