import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoSpreadsheets

/// `phiencho import --template FILE.xlsx`: the blank workbook the centre sends to the communes. Its
/// first sheet, "Việc tìm người", has exactly the import's column titles in its first row, with
/// drop-down lists for Xã/phường, Ngành nghề, Hình thức and Trả lương theo (from communes.yml and
/// sectors.yml, kept on a hidden sheet "Danh mục"); "Hướng dẫn" explains every column with an example.
public struct ImportTemplate {
    public static let sheetName = "Việc tìm người"
    public static let guideName = "Hướng dẫn"
    static let listsName = "Danh mục"
    /// The rows that get drop-down lists and formats.
    static let rows = 2...1000

    let communes: [String]
    let sectors: [String]

    /// The template of the content folder's lists, or the problems of its settings files.
    /// An existing file (perhaps a commune's filled sheet under the same name) is replaced only when
    /// `replacing` (`--force`).
    package static func write(to file: URL, content: Folder, replacing: Bool = false) -> Result<Void, TemplateFailure> {
        if !replacing, (try? FileManager.default.attributesOfItem(atPath: file.path)) != nil {
            return .failure(.io("Tệp \(file.path) đã có (có thể là bảng một xã/phường đã điền), nên chương trình không ghi đè. Hãy chọn tên khác, hoặc thêm --force nếu chắc chắn muốn thay tệp đó bằng mẫu trống."))
        }
        let settings: ContentSettings
        switch ContentSettings.load(content: content) {
        case .success(let loaded): settings = loaded
        case .failure(let problems): return .failure(.content(problems.list))
        }
        let template = ImportTemplate(communes: settings.communes.terms.map(\.name), sectors: settings.sectors.terms.map(\.name))
        do {
            // A fixed date: the same lists give the same bytes.
            try template.workbook.data(date: Date(timeIntervalSince1970: 1_767_225_600)).write(to: file, options: .atomic)
        } catch {
            return .failure(.io("Không ghi được tệp \(file.path)."))
        }
        return .success(())
    }

    public enum TemplateFailure: Error {
        case content([Diagnostic])
        case io(String)

        /// The process's exit status: 2 when the file could not be written, 1 for content problems.
        public var exitStatus: Int32 {
            if case .io = self { return 2 }
            return 1
        }
    }

    var workbook: Workbook {
        let columns = ImportColumn.templateColumns
        func index(_ column: ImportColumn) -> Int { columns.firstIndex(of: column)! }
        var formats: [Int: Workbook.Format] = [:]
        for column in columns {
            switch column {
            case .id, .employerPhone: formats[index(column)] = .text
            case .posted, .expires: formats[index(column)] = .date
            case .openings, .salaryMin, .salaryMax: formats[index(column)] = .amount
            case .requirements, .benefits, .description, .apply: formats[index(column)] = .wrapped
            default: break
            }
        }
        let lists: [(column: ImportColumn, name: String, values: [String])] = [
            (.commune, "XaPhuong", communes),
            (.sector, "NganhNghe", sectors),
            (.employmentType, "HinhThuc", CellValue.employmentTypes.map { $0.words[0] }),
            (.salaryPeriod, "TraLuongTheo", CellValue.salaryPeriods.map { $0.words[0] }),
        ]
        let listTitles = ["Danh sách xã/phường", "Danh sách ngành nghề", "Các hình thức làm việc", "Các cách tính lương"]
        let longest = lists.map(\.values.count).max() ?? 0
        let listRows: [[Workbook.Cell]] = [listTitles.map { .text($0) }] + (0..<longest).map { row in
            lists.map { row < $0.values.count ? .text($0.values[row]) : .text("") }
        }
        let names = lists.enumerated().map { offset, list in
            let letter = Spreadsheet.columnName(offset)
            return (list.name, "'\(Self.listsName)'!$\(letter)$2:$\(letter)$\(list.values.count + 1)")
        }
        let dropDowns = lists.map { list in
            Workbook.DropDown(column: index(list.column), rows: Self.rows, source: list.name,
                              message: "Chọn một \(list.column.title.lowercased()) trong danh sách.")
        }
        let main = Workbook.Sheet(name: Self.sheetName, rows: [columns.map { .text($0.title) }], header: true,
                                  widths: columns.map(Self.width), formats: formats, dropDowns: dropDowns)
        let guide = Workbook.Sheet(name: Self.guideName, rows: guideRows, header: true, widths: [26, 10, 70, 40],
                                   formats: [2: .wrapped, 3: .wrapped])
        let hidden = Workbook.Sheet(name: Self.listsName, rows: listRows, hidden: true, widths: [28, 28, 24, 20])
        return Workbook(sheets: [main, guide, hidden], names: names)
    }

    private static func width(_ column: ImportColumn) -> Double {
        switch column {
        case .title, .employerName, .employerAddress, .workAddress, .source: 28
        case .requirements, .benefits, .apply, .description, .note: 36
        case .commune, .sector: 22
        default: 14
        }
    }

    private var guideRows: [[Workbook.Cell]] {
        var rows: [[Workbook.Cell]] = [["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"].map { .text($0) }]
        for column in ImportColumn.allCases {
            rows.append([.text(column.title), .text(column.isRequired ? "Có" : ""), .text(column.guide(communes: communes, sectors: sectors)),
                         .text(column.example(commune: communes.first ?? "", sector: sectors.first ?? ""))])
        }
        rows.append([])
        for line in Self.notes { rows.append([.text(""), .text(""), .text(line)]) }
        return rows
    }

    static let notes = [
        "Mỗi dòng của trang “\(sheetName)” là một vị trí tuyển dụng. Không đổi tên, không xóa dòng tiêu đề; thứ tự các cột có thể đổi.",
        "Chỉ ghi thông tin việc làm của đơn vị tuyển dụng. TUYỆT ĐỐI không ghi họ tên, số CCCD, năm sinh, địa chỉ hay án tích của người tìm việc: bảng có những cột đó sẽ bị từ chối cả bảng.",
        "Ngày ghi ngày/tháng/năm, ví dụ 31/12/2026. Tiền ghi bằng đồng, ví dụ 6500000, 6.500.000 hoặc 6,5 triệu.",
        "Ô nhiều ý (Yêu cầu, Quyền lợi): mỗi ý một dòng trong ô (Alt+Enter trong Excel, Ctrl+Enter trong LibreOffice).",
        "Báo kết quả tuyển: thêm hai cột “\(ImportColumn.hired.title)” và “\(ImportColumn.resultDate.title)”, ghi “\(ImportColumn.id.title)” của tin, rồi gửi lại.",
    ]
}
