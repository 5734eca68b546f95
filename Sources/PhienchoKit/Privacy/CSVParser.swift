/// RFC 4180 CSV as Excel exports it: UTF-8 with or without BOM, `,` or `;` (whichever the header
/// line uses more, outside quotes), quoted fields with doubled quotes and line breaks, CRLF or LF.
enum CSVParser {
    /// Rows with their 1-based starting line number.
    static func parse(_ input: String) -> [(line: Int, cells: [String])] {
        var text = Substring(input)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let delimiter = detectDelimiter(text)
        var rows: [(Int, [String])] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            cells.append(cell)
            cell = ""
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
            cells = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty: inQuotes = true
            case delimiter: cells.append(cell); cell = ""
            case "\r": continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default: cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }

    static func detectDelimiter(_ text: Substring) -> Unicode.Scalar {
        var semicolons = 0, commas = 0, inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" { break }
            if scalar == ";" { semicolons += 1 }
            if scalar == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
