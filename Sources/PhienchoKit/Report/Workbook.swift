import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook (.xlsx): one worksheet per table, text as inline strings,
/// numbers as numbers. The package — content types, relationships, workbook, sheets — is a zip
/// archive written by ZIPFoundation; every entry carries the same fixed date, so the same figures
/// give the same bytes.
struct Workbook {
    struct Sheet {
        /// At most 31 characters, none of `[]:*?/\` (Excel's rule).
        var name: String
        var rows: [[Cell]]
    }

    enum Cell {
        case text(String)
        case number(Double)
    }

    var sheets: [Sheet]

    func data(date: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func parts() -> [(String, String)] {
        let indexes = sheets.indices.map { $0 + 1 }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", Self.header
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + indexes.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
                + "</Types>"),
            ("_rels/.rels", Self.header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"),
            ("xl/workbook.xml", Self.header
                + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
                + zip(indexes, sheets).map { "<sheet name=\"\(XML.escape($1.name))\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }.joined()
                + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", Self.header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + indexes.map { "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
                + "</Relationships>"),
        ]
        for (index, sheet) in zip(indexes, sheets) {
            parts.append(("xl/worksheets/sheet\(index).xml", Self.worksheet(sheet)))
        }
        return parts
    }

    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\"><sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = column(columnIndex) + String(rowIndex + 1)
                switch cell {
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(text))</t></is></c>"
                case .number(let value):
                    let shown = value == value.rounded() ? String(Int(value)) : String(value)
                    xml += "<c r=\"\(reference)\"><v>\(shown)</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    static func column(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : column(index / 26 - 1) + column(index % 26)
    }
}
