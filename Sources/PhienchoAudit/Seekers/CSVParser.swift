import PhienchoCore
import PhienchoContent

/// RFC 4180 CSV as Excel and LibreOffice export it: UTF-8 with or without BOM; `,`, `;` or a tab
/// (whichever the first line that has any uses most, outside quotes; a TSV saved as .csv is read
/// as what it is), or the delimiter an Excel `sep=;` first line names; quoted fields with doubled
/// quotes and line breaks; CRLF or LF.
///
/// A quote that is never closed, or one closed in the middle of a cell after a line break, means
/// the rows after it were swallowed into one cell: that is reported as a `Problem`, never silently
/// read, since the leak audit would miss every record after it.
package enum CSVParser {
    package struct Parsed {
        /// Rows with their 1-based starting line number; blank lines are skipped.
        package var rows: [(line: Int, cells: [String])] = []
        package var problem: Problem?
    }

    package enum Problem: Equatable {
        /// The quote opened at this line is never closed.
        case unterminatedQuote(line: Int)
        /// A quoted cell spanning lines is followed by more text before the delimiter: a stray quote
        /// joined lines at this line.
        case strayQuote(line: Int)
    }

    /// The rows of `input` (tests read rows alone).
    static func parse(_ input: String) -> [(line: Int, cells: [String])] {
        read(input).rows
    }

    /// - Parameter keepBlankRows: blank lines come back as rows of one empty cell, so that a row's
    ///   index is its row number in a spreadsheet program.
    package static func read(_ input: String, keepBlankRows: Bool = false) -> Parsed {
        var text = Substring(input)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        var line = 1
        let delimiter: Unicode.Scalar
        if let (named, rest) = excelSeparatorLine(text) {
            delimiter = named
            text = rest
            line = 2
        } else {
            delimiter = detectDelimiter(text)
        }
        var parsed = Parsed()
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var quoteLine = 0
        var rowLine = line
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            cells.append(cell)
            cell = ""
            if keepBlankRows || !(cells.count == 1 && cells[0].isEmpty) { parsed.rows.append((rowLine, cells)) }
            cells = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                        if quoteLine != line, let next, next != delimiter, next != "\n", next != "\r" {
                            parsed.problem = .strayQuote(line: quoteLine)
                            return parsed
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty:
                inQuotes = true
                quoteLine = line
            case delimiter: cells.append(cell); cell = ""
            case "\r": continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default: cell.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            parsed.problem = .unterminatedQuote(line: quoteLine)
            return parsed
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return parsed
    }

    /// Excel's `sep=;` (or `"sep=;"`) first line, which names the delimiter; and the text after it.
    /// Any line ending: "\r\n" is one `Character`, so the line ends at the first newline character.
    static func excelSeparatorLine(_ text: Substring) -> (Unicode.Scalar, Substring)? {
        let end = text.firstIndex(where: \.isNewline) ?? text.endIndex
        var first = text[..<end]
        if first.hasPrefix("\""), first.hasSuffix("\""), first.count >= 2 { first = first.dropFirst().dropLast() }
        guard first.count == 5, first.lowercased().hasPrefix("sep="), let named = first.unicodeScalars.last else { return nil }
        return (named, end == text.endIndex ? text[end...] : text[text.index(after: end)...])
    }

    /// The delimiter of the first line that holds any of `,`, `;` and tab outside quotes: the one it
    /// holds most (`,` on a tie, or when no line holds any).
    static func detectDelimiter(_ text: Substring) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" {
                if counts.values.contains(where: { $0 > 0 }) { break }
                continue
            }
            if counts[scalar] != nil { counts[scalar]! += 1 }
        }
        if counts["\t"]! > max(counts[","]!, counts[";"]!) { return "\t" }
        return counts[";"]! > counts[","]! ? ";" : ","
    }
}
