import Foundation
import PhienchoCore
import PhienchoModel

/// Postings as strings, the shortest of:
/// - `""`: no documents;
/// - `"d"` + comma-separated base-36 gaps between ascending document numbers (sparse lists);
/// - `"b"` + base64 of a bitmap, bit `i` of byte `i/8` (least significant first) set when document
///   `i` is in (dense lists);
/// and, for a list inside a parent list (a form's documents inside the term's documents):
/// - `"a"`: every document of the parent;
/// - `"r"` + one of the above over positions in the parent (position `i` = the parent's `i`-th);
/// - `"c"` + one of the above over the positions in the parent that are *not* in the list.
/// `Fixtures/postings-cases.json` pins both sides.
extension SearchIndex {
    package static func encode(_ documents: [Int], documentCount: Int) -> String {
        guard !documents.isEmpty else { return "" }
        var sparse: [UInt8] = [UInt8(ascii: "d")]
        var previous = -1
        for document in documents {
            if previous >= 0 { sparse.append(UInt8(ascii: ",")) }
            appendBase36(document - previous - 1, to: &sparse)
            previous = document
        }
        let bitmapBytes = (documentCount + 7) / 8
        guard 1 + (bitmapBytes + 2) / 3 * 4 < sparse.count else { return String(decoding: sparse, as: UTF8.self) }
        var bitmap = [UInt8](repeating: 0, count: bitmapBytes)
        for document in documents { bitmap[document / 8] |= 1 << UInt8(document % 8) }
        return "b" + Data(bitmap).base64EncodedString()
    }

    /// `documents`, a subset of `parent` (both ascending), as the shorter of its absolute and its
    /// relative encodings.
    package static func encode(_ documents: [Int], within parent: [Int], documentCount: Int) -> String {
        if documents.count == parent.count && !documents.isEmpty { return "a" }
        let absolute = encode(documents, documentCount: documentCount)
        var positions: [Int] = []
        positions.reserveCapacity(documents.count)
        var index = 0
        for document in documents {
            while index < parent.count && parent[index] < document { index += 1 }
            guard index < parent.count && parent[index] == document else { return absolute }
            positions.append(index)
        }
        var complement: [Int] = []
        complement.reserveCapacity(parent.count - positions.count)
        var next = 0
        for position in 0..<parent.count {
            if next < positions.count && positions[next] == position { next += 1 } else { complement.append(position) }
        }
        let relative = "r" + encode(positions, documentCount: parent.count)
        let excluded = "c" + encode(complement, documentCount: parent.count)
        return [relative, excluded].reduce(absolute) { $1.utf8.count < $0.utf8.count ? $1 : $0 }
    }

    /// The documents of both ascending lists.
    static func intersection(_ a: [Int], _ b: [Int]) -> [Int] {
        var both: [Int] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { both.append(a[i]); i += 1; j += 1 }
        }
        return both
    }

    /// `String(value, radix: 36)` (lower-case digits), appended as bytes.
    private static func appendBase36(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(rest % 36)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                count += 1
                rest /= 36
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    package static func decode(_ postings: String, documentCount: Int, parent: [Int] = []) -> [Int] {
        guard let kind = postings.first else { return [] }
        let body = postings.dropFirst()
        switch kind {
        case "a":
            return parent
        case "r":
            return decode(String(body), documentCount: parent.count).compactMap { $0 < parent.count ? parent[$0] : nil }
        case "c":
            let excluded = Set(decode(String(body), documentCount: parent.count))
            return parent.indices.filter { !excluded.contains($0) }.map { parent[$0] }
        case "b":
            guard let bitmap = Data(base64Encoded: String(body)) else { return [] }
            return (0..<min(documentCount, bitmap.count * 8)).filter { bitmap[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        default:
            var previous = -1
            return body.split(separator: ",").compactMap { gap in
                guard let value = Int(gap, radix: 36) else { return nil }
                previous += value + 1
                return previous
            }
        }
    }
}
