import PhienchoCore
import PhienchoModel

/// schema.org JobPosting JSON-LD for a vacancy page. Every value is one shown on the page; nothing
/// is invented. The JSON escapes `<`, `>` and `&`, so content cannot close the script element.
enum JobPosting {
    package static func json(for vacancy: PublicVacancy, site: PublicSettings) -> JSON {
        var address: [(String, JSON)] = [("@type", .string("PostalAddress"))]
        if let street = vacancy.address { address.append(("streetAddress", .string(street))) }
        address += [
            ("addressLocality", .string(vacancy.commune.name)),
            ("addressRegion", .string(site.province)),
            ("addressCountry", .string("VN")),
        ]
        var organization: [(String, JSON)] = [("@type", .string("Organization")), ("name", .string(vacancy.employerName))]
        if let website = vacancy.employerWebsite { organization.append(("sameAs", .string(website))) }
        let description = description(of: vacancy, pageURL: site.absoluteURL(vacancy.path))

        var members: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("JobPosting")),
            ("title", .string(vacancy.title)),
            ("description", .string(description)),
            ("identifier", .object([("@type", .string("PropertyValue")), ("name", .string(site.organization)), ("value", .string(vacancy.id))])),
            ("datePosted", .string(vacancy.posted.iso)),
            ("validThrough", .string(vacancy.expires.endOfDayISO(utcOffset: site.utcOffset(on: vacancy.expires)))),
            ("employmentType", .string(employmentType(vacancy.employmentType))),
            ("hiringOrganization", .object(organization)),
            ("jobLocation", .object([("@type", .string("Place")), ("address", .object(address))])),
            ("totalJobOpenings", .int(vacancy.openings)),
            // Applying is by phone or in person, never on this site.
            ("directApply", .bool(false)),
        ]
        if let salary = vacancy.salary {
            var value: [(String, JSON)] = [("@type", .string("QuantitativeValue"))]
            if let min = salary.min { value.append(("minValue", .int(min))) }
            if let max = salary.max { value.append(("maxValue", .int(max))) }
            value.append(("unitText", .string(unitText(salary.period))))
            members.append(("baseSalary", .object([("@type", .string("MonetaryAmount")), ("currency", .string("VND")), ("value", .object(value))])))
        }
        return .object(members)
    }

    /// The whole `<script type="application/ld+json">` element, for the `structuredDataHTML` key.
    static func scriptElement(for vacancy: PublicVacancy, site: PublicSettings) -> String {
        "<script type=\"application/ld+json\">\(json(for: vacancy, site: site).serialized)</script>"
    }

    package static func employmentType(_ type: EmploymentType) -> String {
        switch type {
        case .fullTime: "FULL_TIME"
        case .partTime: "PART_TIME"
        case .seasonal: "TEMPORARY"
        }
    }

    static func unitText(_ period: SalaryPeriod) -> String {
        switch period {
        case .hour: "HOUR"
        case .day: "DAY"
        case .month: "MONTH"
        }
    }
}
