import PhienchoCore
import PhienchoContent

/// The text of a new event or course file, as `phiencho new --event` / `--training` writes it:
/// every field explained by a Vietnamese `#` comment, `status: draft`. Fields only staff can know
/// are left empty, so `check` lists them as warnings until the file is approved.
struct AgendaTemplate: Sendable {
    static let eventPrefix = "SK"
    static let trainingPrefix = "HN"

    var id: String
    var title: String
    var today: LocalDate
    /// The first name of communes.yml, so the draft names a valid one.
    var commune: String

    private var header: String {
        """
        # Dòng bắt đầu bằng # là lời giải thích: chương trình bỏ qua, có thể xóa đi.
        # Trường nào còn trống thì “phiencho check” báo cảnh báo “đang để trống”: điền giá trị, hoặc xóa
        # hẳn dòng đó nếu trường không bắt buộc. Khi đã duyệt (approved), mọi cảnh báo thành lỗi.
        """
    }

    var event: String {
        """
        ---
        # Sự kiện mới, tạo bằng lệnh “phiencho new --event” ngày \(today.vietnamese).
        \(header)

        # Mã sự kiện (bắt buộc): chữ cái không dấu, chữ số, dấu gạch ngang. Đã đăng thì đừng đổi.
        id: \(id)
        # Tên sự kiện (bắt buộc).
        title: \(VacancyTemplate.quoted(title))
        # Loại (bắt buộc): ngay_hoi_viec_lam = ngày hội việc làm, tu_van = buổi tư vấn, khac = khác.
        kind: ngay_hoi_viec_lam
        # Trạng thái (bắt buộc): draft = bản nháp, approved = đã duyệt (được đăng), withdrawn = đã gỡ.
        status: draft
        # Bắt đầu (bắt buộc): NĂM-THÁNG-NGÀY, hoặc có giờ: NĂM-THÁNG-NGÀYTGIỜ:PHÚT, ví dụ \(today.adding(days: 14).iso)T07:30.
        start: \(today.adding(days: 14).iso)
        # Kết thúc (không bắt buộc), viết như “start”, không trước “start”. Sau ngày này sự kiện rời danh sách.
        end:
        # Địa điểm (bắt buộc): tên nơi tổ chức và địa chỉ.
        place:
        # Xã/phường/đặc khu (không bắt buộc): chép đúng một tên trong content/communes.yml; sự kiện
        # hiện cả trên trang của xã/phường đó.
        commune: \(VacancyTemplate.quoted(commune))
        # Đơn vị tổ chức (không bắt buộc).
        organiser:
        # Số điện thoại để hỏi (không bắt buộc), trong ngoặc kép; bỏ trống thì người xem gọi số của Trung tâm.
        contact_phone:
        ---
        <!-- Viết nội dung sự kiện bên dưới dòng này: có những đơn vị nào, cần mang gì, ai nên đến. Dòng này không được đăng. -->

        """
    }

    var training: String {
        """
        ---
        # Khóa học nghề mới, tạo bằng lệnh “phiencho new --training” ngày \(today.vietnamese).
        \(header)

        # Mã khóa học (bắt buộc): chữ cái không dấu, chữ số, dấu gạch ngang. Đã đăng thì đừng đổi.
        id: \(id)
        # Tên nghề, khóa học (bắt buộc).
        title: \(VacancyTemplate.quoted(title))
        # Trạng thái (bắt buộc): draft = bản nháp, approved = đã duyệt (được đăng), withdrawn = đã gỡ.
        status: draft
        # Nơi dạy (bắt buộc): tên trường, trung tâm.
        provider:
        # Nơi học (bắt buộc): địa chỉ.
        place:
        # Xã/phường/đặc khu nơi học (không bắt buộc): chép đúng một tên trong content/communes.yml.
        commune: \(VacancyTemplate.quoted(commune))
        # Ngày khai giảng (không bắt buộc), NĂM-THÁNG-NGÀY.
        start:
        # Hạn đăng ký (bắt buộc), NĂM-THÁNG-NGÀY. Khóa học được đăng đến hết ngày này.
        registration_deadline: \(today.adding(days: 30).iso)
        # Thời gian học (không bắt buộc), ví dụ "3 tháng".
        duration:
        # Học phí bằng đồng, số liền (không bắt buộc); miễn phí thì ghi 0.
        cost:
        # Hỗ trợ cho học viên (không bắt buộc): mỗi dòng “  - …”, ví dụ:
        #   - Hỗ trợ tiền ăn
        support:
        # Số điện thoại để đăng ký (không bắt buộc), trong ngoặc kép; bỏ trống thì người xem gọi số của Trung tâm.
        contact_phone:
        ---
        <!-- Viết nội dung khóa học bên dưới dòng này: học gì, học xong làm ở đâu, cần giấy tờ gì. Dòng này không được đăng. -->

        """
    }
}
