import PhienchoCore
import PhienchoModel

/// A template that does not parse: what is wrong (in Vietnamese, for staff) and where, counted in
/// characters from 1.
struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// A tag without its closing delimiter, or a name with characters a name cannot have.
        case unfinishedTag
        /// `{{/x}}` that does not close the section open at that point (or closes none).
        case closingTagMismatch(expected: String?)
        /// A section, block or parent still open at the end of the template.
        case unclosedSection
        case invalidSetDelimiter
        /// `{{$block}}` names cannot have transforms.
        case transformOnBlock
        /// Inside `{{<parent}}…{{/parent}}` only `{{$block}}` overrides (and comments) may appear.
        case tagInsideParent
        case invalidPragma
        case unknownPragma
    }

    package let kind: Kind
    package let line: Int
    package let column: Int

    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The problem in Vietnamese, without the position.
    package var message: String {
        switch kind {
        case .unfinishedTag:
            "thẻ chưa được đóng đúng cách hoặc tên có ký tự không hợp lệ"
        case .closingTagMismatch(let expected?):
            "thẻ đóng không khớp với thẻ mở (cần {{/\(expected)}})"
        case .closingTagMismatch(nil):
            "thẻ đóng không có thẻ mở tương ứng"
        case .unclosedSection:
            "thiếu thẻ đóng cho một mục đã mở"
        case .invalidSetDelimiter:
            "thẻ đổi dấu phân cách viết sai (cần dạng {{=<% %>=}})"
        case .transformOnBlock:
            "khối {{$…}} không được dùng hàm biến đổi"
        case .tagInsideParent:
            "bên trong {{<…}} chỉ được có các khối {{$…}}"
        case .invalidPragma:
            "thẻ cấu hình {{%…}} viết sai"
        case .unknownPragma:
            "thẻ cấu hình không được hỗ trợ (chỉ có CONTENT_TYPE: HTML hoặc TEXT)"
        }
    }

    package var description: String { "dòng \(line), cột \(column): \(message)" }
}
