import CQRencode

/// A QR code of a page's address, drawn at build time as inline SVG for printed sheets (a notice
/// board has no link to tap). Encoded by libqrencode (error correction M); drawn as one path of
/// horizontal strokes, one per run of dark modules, inside the four-module quiet zone the
/// standard asks for.
enum QRCode {
    static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let size = width + 8
        var path = ""
        path.reserveCapacity(width * width / 2)
        for row in 0..<width {
            var column = 0
            var penX = 0
            var started = false
            while column < width {
                guard code.pointee.data[row * width + column] & 1 == 1 else { column += 1; continue }
                var run = 1
                while column + run < width && code.pointee.data[row * width + column + run] & 1 == 1 { run += 1 }
                path += started ? "m\(column - penX) 0h\(run)" : "M\(column + 4) \(row + 4).5h\(run)"
                started = true
                penX = column + run
                column += run
            }
        }
        return "<svg class=\"qr\" viewBox=\"0 0 \(size) \(size)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"\(path)\" stroke=\"#000\" stroke-width=\"1\"/></svg>"
    }
}
