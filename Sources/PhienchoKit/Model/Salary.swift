/// A vacancy's pay: from, to (either may be absent), per hour, day or month, in đồng.
struct Salary: Sendable {
    var min: Int?
    var max: Int?
    var period: SalaryPeriod

    init(min: Int?, max: Int?, period: SalaryPeriod) {
        self.min = min
        self.max = max
        self.period = period
    }
}

enum SalaryPeriod: String, Sendable { case hour, day, month }

/// `employment_type`: toàn thời gian, bán thời gian, thời vụ.
enum EmploymentType: String, Sendable { case fullTime = "full_time", partTime = "part_time", seasonal }
