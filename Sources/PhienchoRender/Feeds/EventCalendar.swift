import Foundation
import PhienchoCore
import PhienchoModel

/// `su-kien/<id>/su-kien.ics`: an event as an iCalendar object (RFC 5545) a phone's calendar adds
/// with one tap. The UID is the event's id at the site's host, so re-downloading updates the same
/// entry; times are in the site's time zone (a VTIMEZONE with its offset on the event's day); a
/// day without a time is an all-day event. DTSTAMP is the build day, so the same content and
/// `--now` give the same bytes.
enum EventCalendar {
    package static func ics(_ event: PublicEvent, site: PublicSettings, buildDay: LocalDate) -> String {
        let zone = site.timeZone.identifier
        let offset = LocalDate.offset(site.utcOffset(on: event.start.date), separator: "")
        let host = URLComponents(string: site.baseURL)?.host ?? "phiencho"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//phiencho//\(text(site.organization))//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:\(zone)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:\(event.slug)@\(host)", "DTSTAMP:\(compact(buildDay))T000000Z",
        ]
        let timed = event.start.minutes != nil && (event.end == nil || event.end?.minutes != nil)
        if timed {
            lines.append("DTSTART;TZID=\(zone):\(compact(event.start.date))T\(clock(event.start))")
            if let end = event.end { lines.append("DTEND;TZID=\(zone):\(compact(end.date))T\(clock(end))") }
        } else {
            lines.append("DTSTART;VALUE=DATE:\(compact(event.start.date))")
            // An all-day event's end is the day after its last day (exclusive).
            lines.append("DTEND;VALUE=DATE:\(compact(event.lastDay.adding(days: 1)))")
        }
        lines.append("SUMMARY:\(text(event.title))")
        lines.append("LOCATION:\(text(event.commune?.appended(to: event.place) ?? event.place))")
        var description = event.descriptionText
        if let organiser = event.organiser { description += (description.isEmpty ? "" : "\n") + "Đơn vị tổ chức: \(organiser)." }
        if let phone = event.contactPhone ?? site.hotline { description += (description.isEmpty ? "" : "\n") + "Liên hệ: \(phone)." }
        if !description.isEmpty { lines.append("DESCRIPTION:\(text(description))") }
        lines += ["URL:\(site.absoluteURL(event.path))", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// 2026-12-15 → "20261215".
    static func compact(_ date: LocalDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    package static func clock(_ moment: EventMoment) -> String { (moment.clock ?? "00:00").replacingOccurrences(of: ":", with: "") + "00" }

    /// A TEXT value: backslash, semicolon, comma and line breaks escaped.
    package static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded: a line break and a space, never inside a UTF-8 sequence.
    package static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out
    }
}
