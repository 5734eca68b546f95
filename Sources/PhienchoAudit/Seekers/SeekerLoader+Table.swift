import PhienchoCore
import PhienchoContent

/// Seeker tables (CSV, TSV) as government sheets are exported: possibly a title row or two above
/// the header ("DANH SÁCH NGƯỜI TÌM VIỆC QUÝ IV/2026"), trailing empty cells, records named by their
/// id column or their line.
extension SeekerLoader {
    /// A file that cannot be read whole, with the line to look at; the message names no value.
    package struct Failure: Error {
        var line: Int?
        var message: String
    }

    /// How many rows are looked at for the header row.
    static let headerSearchRows = 10

    static func tableRecords(_ text: String, file: String) -> Result<[SeekerRecord], Failure> {
        let parsed = CSVParser.read(text)
        switch parsed.problem {
        case .unterminatedQuote(let line)?:
            return .failure(Failure(line: line, message: "Dấu ngoặc kép (\") mở ở dòng này không bao giờ được đóng, nên mọi dòng sau nó bị gộp làm một ô và không được kiểm tra rò rỉ. Hãy xóa dấu ngoặc kép thừa hoặc thêm dấu đóng."))
        case .strayQuote(let line)?:
            return .failure(Failure(line: line, message: "Dấu ngoặc kép (\") ở dòng này gộp nhiều dòng thành một ô, nên các hồ sơ trong đó không được kiểm tra rò rỉ. Hãy xóa dấu ngoặc kép thừa."))
        case nil: break
        }
        let rows = parsed.rows
        guard let headerIndex = headerRow(in: rows) else { return .success([]) }
        var header = rows[headerIndex].cells.map { $0.trimmingCharacters(in: .whitespaces) }
        while header.last?.isEmpty == true { header.removeLast() }
        let idColumn = header.firstIndex { SensitiveColumn.classify($0) == .recordID }
        var records: [SeekerRecord] = []
        for row in rows[(headerIndex + 1)...] {
            var cells = row.cells
            while cells.count > header.count, cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                cells.removeLast()
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard cells.count == header.count else {
                return .failure(Failure(line: row.line, message: "Dòng này có \(cells.count) ô nhưng dòng tiêu đề có \(header.count) cột, nên không biết giá trị nào thuộc cột nào để kiểm tra rò rỉ. Hãy kiểm tra dấu phân cách (, hoặc ;) và dấu ngoặc kép ở dòng này."))
            }
            let fields = zip(header.indices, cells).map { index, value in
                (header[index].isEmpty ? "cột \(index + 1)" : header[index], value)
            }
            let reference = idColumn.flatMap { cells[$0].nonEmpty } ?? "dòng \(row.line)"
            records.append(SeekerRecord(file: file, reference: reference, fields: fields))
        }
        return .success(records)
    }

    /// The header: the first of the first rows that has two filled cells one of which names an
    /// identifying column (họ tên, CCCD, điện thoại, mã hồ sơ, địa chỉ, ngày sinh …); without one, the
    /// first row with two filled cells. Rows above it are title rows.
    static func headerRow(in rows: [(line: Int, cells: [String])]) -> Int? {
        let candidates = rows.indices.prefix(headerSearchRows).filter { index in
            rows[index].cells.count(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) >= 2
        }
        let known = candidates.first { index in
            rows[index].cells.contains { cell in
                [.name, .familyName, .givenName, .idNumber, .phone, .email, .recordID, .address, .birthDate]
                    .contains(SensitiveColumn.classify(cell))
            }
        }
        return known ?? candidates.first ?? (rows.isEmpty ? nil : 0)
    }
}
