internal import CQRencode
import PhienchoCore
import PhienchoModel

/// A QR code of a page's address, drawn at build time as inline SVG for printed sheets (a notice
/// board has no link to tap). Encoded by libqrencode (error correction M); drawn as one path of
/// horizontal strokes, one per run of dark modules, inside the four-module quiet zone the
/// standard asks for. Every open vacancy's page carries one, so the path is written as bytes.
enum QRCode {
    package static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let modules = code.pointee.data!
        let size = String(width + 8)
        var out: [UInt8] = []
        out.reserveCapacity(width * width + 256)
        out += Array("<svg class=\"qr\" viewBox=\"0 0 \(size) \(size)\" role=\"img\" aria-label=\"".utf8)
        HTML.appendEscaped(label, to: &out)
        out += Array("\"><rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"".utf8)
        for row in 0..<width {
            var column = 0, penX = 0, started = false
            while column < width {
                guard modules[row * width + column] & 1 == 1 else { column += 1; continue }
                var run = 1
                while column + run < width && modules[row * width + column + run] & 1 == 1 { run += 1 }
                if started {
                    out.append(UInt8(ascii: "m")); append(column - penX, to: &out); out += [UInt8(ascii: " "), UInt8(ascii: "0")]
                } else {
                    out.append(UInt8(ascii: "M")); append(column + 4, to: &out); out.append(UInt8(ascii: " "))
                    append(row + 4, to: &out); out += [UInt8(ascii: "."), UInt8(ascii: "5")]
                }
                out.append(UInt8(ascii: "h")); append(run, to: &out)
                started = true
                penX = column + run
                column += run
            }
        }
        out += Array("\" stroke=\"#000\"/></svg>".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A small non-negative number's decimal digits.
    private static func append(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { append(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
