import Foundation
import PhienchoCore
import PhienchoContent

/// The text of a new vacancy file, as `phiencho new` writes it: every field of the vacancy format,
/// each explained by a Vietnamese `#` comment, `status: draft`, posted today and expiring 30 days later.
///
/// Fields only staff can know (the employer, addresses, salary, how to apply) are left empty. A draft
/// reports them as warnings ("đang để trống") — a to-do list — and they become errors the moment the
/// file is approved, so an unfinished vacancy can never be published by accident. The commune and
/// the sector are the first names of communes.yml and sectors.yml, so the draft names valid terms.
struct VacancyTemplate: Sendable, Equatable {
    var id: String
    var title: String
    var posted: LocalDate
    var commune: String
    var sector: String
    /// What made the file and when, for its first comment line.
    var origin = "lệnh “phiencho new”"
    var created: LocalDate?

    /// Days from `posted` to `expires` in a new file.
    static let daysOpen = 30

    init(id: String, title: String, posted: LocalDate, commune: String, sector: String) {
        self.id = id
        self.title = title
        self.posted = posted
        self.commune = commune
        self.sector = sector
    }

    var expires: LocalDate { posted.adding(days: Self.daysOpen) }

    /// `<id lower-case>-<slug of the title>.md` (just `<id>.md` when the title has no letter or digit).
    var fileName: String { Self.fileName(id: id, title: title) }

    /// `<id lower-case>-<short slug of the title>.md`: the name of every file `new` and `import` write.
    static func fileName(id: String, title: String) -> String {
        let slug = shortSlug(title)
        return id.lowercased() + (slug.isEmpty ? "" : "-" + slug) + ".md"
    }

    /// The title's slug, cut at a hyphen so that file names stay short.
    static func shortSlug(_ text: String, limit: Int = 60) -> String {
        let slug = Slug.make(text)
        guard slug.count > limit else { return slug }
        let head = slug.prefix(limit)
        if let cut = head.lastIndex(of: "-") { return String(head[..<cut]) }
        return String(head)
    }

    package var text: String {
        """
        ---
        # Tin tuyển dụng mới, tạo bằng \(origin) ngày \((created ?? posted).vietnamese).
        # Dòng bắt đầu bằng # là lời giải thích: chương trình bỏ qua, có thể xóa đi.
        # Thụt lề bằng dấu cách, không dùng phím Tab. Chữ có dấu hai chấm và dấu cách (“: ”) ở giữa,
        # hoặc bắt đầu bằng * & # - [ {, thì đặt cả dòng chữ trong dấu ngoặc kép.
        # Trường nào còn trống thì “phiencho check” báo cảnh báo “đang để trống” (PC314): điền giá
        # trị, hoặc xóa hẳn dòng đó nếu trường không bắt buộc. Khi tin đã duyệt, mọi cảnh báo thành lỗi.

        # Mã tin (bắt buộc): chỉ chữ cái không dấu, chữ số và dấu gạch ngang; không trùng tin nào khác.
        # Địa chỉ của tin trên trang được tạo từ mã này, nên đã đăng thì đừng đổi mã.
        id: \(id)
        # Vị trí tuyển dụng (bắt buộc).
        title: \(Self.quoted(title))
        # Trạng thái (bắt buộc): draft = bản nháp, không đăng; approved = đã duyệt, được đăng từ
        # ngày “posted”; withdrawn = đã gỡ. Soạn xong và được duyệt thì đổi thành approved.
        status: draft
        # Ngày đăng (bắt buộc), viết NĂM-THÁNG-NGÀY, ví dụ \(posted.iso). Tin được đăng từ ngày này.
        posted: \(posted.iso)
        # Hạn nộp hồ sơ (bắt buộc), viết NĂM-THÁNG-NGÀY, không trước ngày đăng. Tin mở đến hết ngày này.
        expires: \(expires.iso)
        # Đơn vị tuyển dụng (bắt buộc). Chỉ “name” là bắt buộc; dòng nào không có thì xóa đi.
        employer:
          # Tên đơn vị tuyển dụng (bắt buộc).
          name:
          # Địa chỉ của đơn vị.
          address:
          # Số điện thoại, đặt trong dấu ngoặc kép, ví dụ "0229 3871 000".
          phone:
          # Thư điện tử, dạng ten@mien.vn.
          email:
          # Trang web, bắt đầu bằng https:// hoặc http://.
          website:
        # Nơi làm việc (bắt buộc).
        location:
          # Xã/phường/đặc khu (bắt buộc): chép đúng một tên trong content/communes.yml.
          commune: \(Self.quoted(commune))
          # Địa chỉ nơi làm việc: thôn, xóm, số nhà (không bắt buộc).
          address:
        # Ngành nghề (bắt buộc): chép đúng một tên trong content/sectors.yml.
        sector: \(Self.quoted(sector))
        # Hình thức (bắt buộc): full_time = toàn thời gian, part_time = bán thời gian, seasonal = thời vụ.
        employment_type: full_time
        # Số lượng cần tuyển (bắt buộc): số nguyên từ 1 trở lên.
        openings: 1
        # Mức lương (không bắt buộc), tính bằng đồng, viết số liền không dấu chấm, ví dụ 6500000.
        # min = thấp nhất, max = cao nhất (có thể chỉ ghi một trong hai, xóa dòng kia);
        # period = lương tính theo: hour (giờ), day (ngày) hoặc month (tháng).
        # Lương thỏa thuận thì xóa cả mục salary (cả 4 dòng).
        salary:
          min:
          max:
          period: month
        # Yêu cầu (không bắt buộc): mỗi yêu cầu một dòng, thụt vào 2 dấu cách, bắt đầu bằng “- ”, ví dụ:
        #   - Sức khỏe tốt
        requirements:
        # Quyền lợi (không bắt buộc): mỗi quyền lợi một dòng “  - …”, ví dụ:
        #   - Bao ăn trưa
        benefits:
        # Thẻ (không bắt buộc): vài từ ngắn giúp người tìm việc tìm thấy tin, mỗi thẻ một dòng “  - …”, ví dụ:
        #   - không yêu cầu kinh nghiệm
        tags:
        # Cách ứng tuyển (không bắt buộc), đặt trong dấu ngoặc kép, ví dụ:
        # apply: "Gọi 0229 3871 000 hoặc đến xưởng trong giờ hành chính."
        apply:
        # Ghi chú nội bộ cho cán bộ (không bắt buộc): KHÔNG BAO GIỜ được đăng.
        # Mỗi ghi chú một dòng con, thụt vào 2 dấu cách, dạng “tên: nội dung”, ví dụ:
        #   nguoi_phu_trach: Cán bộ tư vấn phụ trách xã
        internal:
        # Kết quả tuyển (không bắt buộc, KHÔNG BAO GIỜ được đăng; dùng cho báo cáo 6 tháng và năm):
        # mỗi lần công an xã/phường báo lại số người đã được tuyển, thêm một mục, ví dụ:
        #   - date: 2026-12-20
        #     hired: 2
        #     by: Công an xã Gia Trấn
        results:
        ---
        <!-- Viết mô tả công việc bên dưới dòng này: làm gì, ở đâu, giờ làm, ăn ở, đi lại. Dòng này không được đăng. -->

        """
    }

    /// A YAML double-quoted scalar: safe whatever the text holds (`: `, `#`, quotes, a leading `-`).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            // YAML reads these as line breaks; escaped, they stay in the value.
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
