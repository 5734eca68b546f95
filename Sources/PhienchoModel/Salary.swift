import PhienchoCore

/// A vacancy's pay: from, to (either may be absent), per hour, day or month, in đồng.
package struct Salary: Sendable {
    package var min: Int?
    package var max: Int?
    package var period: SalaryPeriod

    package init(min: Int?, max: Int?, period: SalaryPeriod) {
        self.min = min
        self.max = max
        self.period = period
    }
}

package enum SalaryPeriod: String, Sendable { case hour, day, month }

/// `employment_type`: toàn thời gian, bán thời gian, thời vụ.
package enum EmploymentType: String, Sendable { case fullTime = "full_time", partTime = "part_time", seasonal }
