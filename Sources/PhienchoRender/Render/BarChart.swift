import PhienchoCore
import PhienchoModel

/// A horizontal bar chart as inline SVG: one bar per item, its length proportional to the value,
/// the value written at its end with its unit (the same numbers are in a table beside it). Labels
/// are escaped; the statistics page and the printable report use it. The unit also keeps a value
/// from running into the next label's digits, which the leak audit would read as one long number.
package enum BarChart {
    /// Each label on its own line above its bar, the whole chart 300 units wide: drawn at a phone's
    /// width (about 330 px), every text is at least 14 px (the statistics page).
    package static func stackedSVG(_ items: [(label: String, value: Int)], label: String, unit: String) -> String {
        let top = max(items.map(\.value).max() ?? 0, 1)
        let height = 40 * items.count + 26
        var out = "<svg class=\"chart\" viewBox=\"0 0 300 \(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">\n"
        out += "<text x=\"0\" y=\"16\" font-size=\"15\" font-weight=\"700\">\(HTML.escape(label))</text>\n"
        for (index, item) in items.enumerated() {
            let y = 26 + index * 40
            let width = max(Int((Double(item.value) / Double(top) * 180).rounded()), item.value > 0 ? 2 : 0)
            out += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"14\">\(HTML.escape(item.label))</text>"
            out += "<rect x=\"0\" y=\"\(y + 19)\" width=\"\(width)\" height=\"14\" fill=\"#0b6e3d\"/>"
            out += "<text x=\"\(width + 5)\" y=\"\(y + 31)\" font-size=\"14\">\(item.value) \(HTML.escape(unit))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Label, bar and value on one row: compact, for the printed report.
    package static func svg(_ items: [(label: String, value: Int)], label: String, unit: String, labelWidth: Int = 70) -> String {
        let top = max(items.map(\.value).max() ?? 0, 1)
        let height = 14 * items.count + 20
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(labelWidth + 280) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">\n"
        out += "<text x=\"0\" y=\"12\" font-size=\"11\" font-weight=\"700\">\(HTML.escape(label))</text>\n"
        for (index, item) in items.enumerated() {
            let y = 20 + index * 14
            let width = Int((Double(item.value) / Double(top) * 200).rounded())
            out += "<text x=\"0\" y=\"\(y + 10)\" font-size=\"10\">\(HTML.escape(item.label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"10\" fill=\"#0b6e3d\"/>"
            out += "<text x=\"\(labelWidth + 4 + width)\" y=\"\(y + 10)\" font-size=\"10\">\(item.value) \(HTML.escape(unit))</text>\n"
        }
        return out + "</svg>\n"
    }
}
