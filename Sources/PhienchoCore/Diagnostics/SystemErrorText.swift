#if canImport(Glibc)
import Glibc
#endif

/// Why a file operation failed, in plain Vietnamese for staff (instead of the C library's English
/// `strerror`), with the English text kept for the errors staff rarely meet, so that a technician
/// can still look it up.
package enum SystemErrorText {
    package static func vietnamese(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "không có quyền"
        case ENOENT: "không có ở đó"
        case ENOTDIR: "có một phần của đường dẫn không phải thư mục"
        case ELOOP: "là một liên kết tượng trưng (symlink) hoặc vòng liên kết"
        case ENOSPC, EDQUOT: "ổ đĩa đã đầy"
        case EROFS: "ổ đĩa chỉ cho đọc"
        case EBUSY: "đang được dùng"
        case ENAMETOOLONG: "tên quá dài"
        case EXDEV: "nằm trên hai ổ đĩa khác nhau"
        default: "lỗi hệ thống: " + String(cString: strerror(code))
        }
    }

    /// The reason for the current `errno`.
    package static var current: String { vietnamese(errno) }
}
