import PhienchoCore

/// What the template's "Hướng dẫn" sheet says about each column, in plain Vietnamese, and its example row.
extension ImportColumn {
    func guide(communes: [String], sectors: [String]) -> String {
        switch self {
        case .id: "Để trống với tin mới: chương trình tự đặt mã. Khi sửa một tin đã đăng, ghi đúng mã tin đó."
        case .title: "Tên công việc, ngắn gọn, ví dụ “Thợ may công nghiệp”."
        case .employerName: "Tên doanh nghiệp, hợp tác xã, hộ kinh doanh hay người tuyển."
        case .employerAddress: "Địa chỉ của đơn vị."
        case .employerPhone: "Số điện thoại để người tìm việc gọi. Ghi đủ số 0 ở đầu."
        case .employerEmail: "Thư điện tử của đơn vị, nếu có."
        case .employerWebsite: "Trang web của đơn vị, bắt đầu bằng https://, nếu có."
        case .commune: "Chọn trong danh sách (\(communes.count) xã/phường)."
        case .workAddress: "Thôn, xóm, số nhà nơi làm việc."
        case .sector: "Chọn trong danh sách (\(sectors.count) ngành nghề)."
        case .employmentType: "Chọn: toàn thời gian, bán thời gian hoặc thời vụ. Để trống là toàn thời gian."
        case .openings: "Số người cần tuyển, từ 1 trở lên."
        case .salaryMin: "Lương thấp nhất, bằng đồng. Cả hai ô lương để trống là lương thỏa thuận."
        case .salaryMax: "Lương cao nhất, bằng đồng (có thể để trống)."
        case .salaryPeriod: "Chọn: giờ, ngày hoặc tháng."
        case .posted: "Ngày bắt đầu đăng tin. Để trống là ngày nhập."
        case .expires: "Ngày cuối cùng nhận hồ sơ."
        case .requirements: "Mỗi yêu cầu một dòng trong ô."
        case .benefits: "Mỗi quyền lợi một dòng trong ô."
        case .apply: "Người tìm việc cần làm gì: gọi ai, đến đâu, mang giấy tờ gì."
        case .description: "Công việc làm gì, giờ làm, ăn ở, đi lại."
        case .note: "Ghi chú cho cán bộ Trung tâm. Không bao giờ được đăng."
        case .source: "Nơi gửi danh sách, ví dụ “Công an xã …, quý IV/2026”. Không bao giờ được đăng."
        case .hired: "Không có trong mẫu: thêm khi báo kết quả. Số người đã được tuyển vào vị trí này từ lần báo trước."
        case .resultDate: "Không có trong mẫu: thêm khi báo kết quả. Ngày báo số người đã tuyển."
        }
    }

    func example(commune: String, sector: String) -> String {
        switch self {
        case .id: ""
        case .title: "Thợ may công nghiệp"
        case .employerName: "Công ty TNHH May Hoa Lư"
        case .employerAddress: "Khu công nghiệp Gián Khẩu"
        case .employerPhone: "0229 3871 000"
        case .employerEmail: "tuyendung@mayhoalu.vn"
        case .employerWebsite: "https://mayhoalu.vn"
        case .commune: commune
        case .workAddress: "Xưởng số 2"
        case .sector: sector
        case .employmentType: "toàn thời gian"
        case .openings: "20"
        case .salaryMin: "6500000"
        case .salaryMax: "9000000"
        case .salaryPeriod: "tháng"
        case .posted: "01/12/2026"
        case .expires: "31/12/2026"
        case .requirements: "Từ 18 tuổi\nSức khỏe tốt"
        case .benefits: "Bao ăn trưa\nĐóng bảo hiểm xã hội"
        case .apply: "Gọi chị Lan, phòng nhân sự, giờ hành chính."
        case .description: "May theo dây chuyền, làm ca ngày 8 giờ."
        case .note: "Đơn vị đã nhận người sau cai nghiện năm 2025."
        case .source: "Công an xã Gia Trấn, quý IV/2026"
        case .hired: "3"
        case .resultDate: "20/03/2027"
        }
    }
}
