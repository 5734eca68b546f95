import PhienchoCore
import PhienchoModel

/// schema.org `Event` JSON-LD for an event page and `Course` for a course page. Every value is one
/// shown on the page; nothing is invented.
enum AgendaStructuredData {
    package static func event(_ event: PublicEvent, site: PublicSettings) -> JSON {
        var location: [(String, JSON)] = [("@type", .string("Place")), ("name", .string(event.place))]
        var address: [(String, JSON)] = [("@type", .string("PostalAddress"))]
        if let commune = event.commune { address.append(("addressLocality", .string(commune.name))) }
        address += [("addressRegion", .string(site.province)), ("addressCountry", .string("VN"))]
        location.append(("address", .object(address)))
        var members: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(event.title)),
            ("startDate", .string(iso(event.start, site: site))),
        ]
        if let end = event.end { members.append(("endDate", .string(iso(end, site: site)))) }
        members += [
            ("eventAttendanceMode", .string("https://schema.org/OfflineEventAttendanceMode")),
            ("eventStatus", .string("https://schema.org/EventScheduled")),
            ("location", .object(location)),
            ("organizer", .object([("@type", .string("Organization")), ("name", .string(event.organiser ?? site.organization))])),
            ("isAccessibleForFree", .bool(true)),
            ("url", .string(site.absoluteURL(event.path))),
        ]
        if !event.descriptionText.isEmpty { members.append(("description", .string(event.descriptionText))) }
        return .object(members)
    }

    package static func course(_ course: PublicTraining, site: PublicSettings) -> JSON {
        let provider: JSON = .object([("@type", .string("EducationalOrganization")), ("name", .string(course.provider))])
        var instance: [(String, JSON)] = [
            ("@type", .string("CourseInstance")),
            ("courseMode", .string("Onsite")),
            ("location", .object([("@type", .string("Place")), ("name", .string(course.place))])),
        ]
        if let start = course.start { instance.append(("startDate", .string(start.iso))) }
        if let duration = course.duration { instance.append(("courseSchedule", .object([("@type", .string("Schedule")), ("description", .string(duration))]))) }
        var members: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Course")),
            ("name", .string(course.title)),
            ("description", .string(course.descriptionText.isEmpty ? "\(course.title) – \(course.provider)" : course.descriptionText)),
            ("provider", provider),
            ("hasCourseInstance", .object(instance)),
            ("url", .string(site.absoluteURL(course.path))),
        ]
        if let cost = course.cost {
            members.append(("offers", .object([("@type", .string("Offer")), ("category", .string(cost == 0 ? "Free" : "Paid")),
                                                ("price", .int(cost)), ("priceCurrency", .string("VND")),
                                                ("validThrough", .string(course.registrationDeadline.endOfDayISO(utcOffset: site.utcOffset(on: course.registrationDeadline))))])))
        }
        return .object(members)
    }

    /// A day, or a day and time with the site's offset: "2026-12-15T08:00:00+07:00".
    package static func iso(_ moment: EventMoment, site: PublicSettings) -> String {
        guard let clock = moment.clock else { return moment.date.iso }
        return "\(moment.date.iso)T\(clock):00" + LocalDate.offset(site.utcOffset(on: moment.date), separator: ":")
    }

    static func scriptElement(_ json: JSON) -> String {
        "<script type=\"application/ld+json\">\(json.serialized)</script>"
    }
}
