import PhienchoCore

/// Vietnamese names of front matter fields, added to messages so staff recognise the field.
enum FieldLabels {
    package static let labels: [String: String] = [
        "id": "mã tin", "title": "vị trí tuyển dụng", "status": "trạng thái", "posted": "ngày đăng",
        "expires": "hạn nộp hồ sơ", "employer": "đơn vị tuyển dụng", "employer.name": "tên đơn vị tuyển dụng",
        "location": "nơi làm việc", "location.commune": "xã/phường", "sector": "ngành nghề",
        "employment_type": "hình thức làm việc", "openings": "số lượng", "salary": "mức lương",
        "base_url": "địa chỉ trang", "name": "tên", "kind": "loại",
        "results": "kết quả tuyển", "results.date": "ngày báo kết quả", "results.hired": "số người đã tuyển",
    ]

    package static func hint(for path: String) -> String {
        labels[path].map { " (\($0))" } ?? ""
    }
}
