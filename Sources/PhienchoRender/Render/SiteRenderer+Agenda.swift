import PhienchoCore
import PhienchoModel

/// Events (`su-kien/`) and vocational courses (`hoc-nghe/`): the listings of what is upcoming or
/// open, a page for each (past or closed ones kept, marked, noindex), and each event's calendar file.
extension SiteRenderer {
    func eventCard(_ event: PublicEvent) -> TemplateValue {
        var card: TemplateObject = [
            "title": .string(event.title), "href": .string(event.path), "kind": .string(event.kind.rawValue),
            "kindLabel": .string(event.kind.label), "when": .string(event.when), "startISO": .string(AgendaStructuredData.iso(event.start, site: config)),
            "place": .string(event.place), "startDate": .string(event.start.date.vietnamese), "startDateISO": .string(event.start.date.iso),
        ]
        // The hours beside the days, each day in a <time> (dd/mm/yyyy) as every date is shown.
        card.append("clock", .string(event.hours))
        card.append("endDate", .string(event.isOneDay ? nil : event.end?.date.vietnamese))
        card.append("endDateISO", .string(event.isOneDay ? nil : event.end?.date.iso))
        // The commune after the place, unless the place names it already.
        card.append("commune", .string(event.commune?.added(to: event.place)))
        card.append("communeHref", .string(event.commune.map(Routes.term)))
        card.append("organiser", .string(event.organiser))
        return .object(card)
    }

    func trainingCard(_ course: PublicTraining) -> TemplateValue {
        var card: TemplateObject = [
            "title": .string(course.title), "href": .string(course.path), "provider": .string(course.provider),
            "place": .string(course.place), "deadline": .string(course.registrationDeadline.vietnamese),
            "deadlineISO": .string(course.registrationDeadline.iso),
        ]
        card.append("commune", .string(course.commune?.added(to: course.place)))
        card.append("communeHref", .string(course.commune.map(Routes.term)))
        card.append("start", .string(course.start?.vietnamese))
        card.append("duration", .string(course.duration))
        card.append("cost", .string(course.costText))
        card.append("free", .bool(course.cost == 0))
        card.append("support", .strings(course.support))
        card.append("supportText", .string(course.support.isEmpty ? nil : course.support.joined(separator: "; ")))
        card.append("hasSupport", .bool(!course.support.isEmpty))
        return .object(card)
    }

    /// The call link of a vacancy, an event or a course: its own phone, else the centre's hotline.
    package func contact(_ phone: String?, into detail: inout TemplateObject) {
        let call = phone ?? config.hotline
        detail.append("callNumber", .string(call))
        detail.append("callHref", .string(call.map(VietnameseFormat.telephoneHref)))
        detail.append("callsCentre", .bool(phone == nil && config.hotline != nil))
    }

    /// `su-kien/index.html`, `su-kien/<id>/index.html` and `su-kien/<id>/su-kien.ics`.
    func renderEventPages() -> [OutputFile] {
        var context = common(path: Routes.events, kind: "events", title: "Sự kiện việc làm",
                             description: "Ngày hội việc làm, buổi tư vấn sắp diễn ra: thời gian, địa điểm và cách tham gia.",
                             navSection: Routes.events)
        context.append("events", .list(site.upcomingEvents.map(eventCard)))
        context.append("rss", rssLink(Routes.eventsFeed, title: "Sự kiện việc làm"))
        var files = [page(Routes.events, template: "events", context)]
        files += (site.upcomingEvents + site.pastEvents).flatMap { event -> [OutputFile] in
            var context = common(path: event.path, kind: "event", title: event.title,
                                 description: "\(event.kind.label): \(event.when), \(event.place).", navSection: nil, noindex: event.isPast)
            guard case .object(var detail) = eventCard(event) else { return [] }
            detail.append("past", .bool(event.isPast))
            detail.append("descriptionHTML", event.descriptionHTML.isEmpty ? .absent : .string(event.descriptionHTML))
            detail.append("calendarHref", .string(event.calendarPath))
            contact(event.contactPhone, into: &detail)
            context.append("event", .object(detail))
            context.append("report", reportLinks(id: event.id))
            if !event.isPast {
                context.append("qrSVG", .string(QRCode.svg(for: config.absoluteURL(event.path), label: "Mã QR dẫn tới trang của sự kiện này")))
            }
            context.append("structuredDataHTML", .string(AgendaStructuredData.scriptElement(AgendaStructuredData.event(event, site: config))))
            return [page(event.path, template: "event", context),
                    OutputFile(path: event.calendarPath, text: EventCalendar.ics(event, site: config, buildDay: site.now))]
        }
        return files
    }

    /// `hoc-nghe/index.html` and `hoc-nghe/<id>/index.html`.
    func renderTrainingPages() -> [OutputFile] {
        var context = common(path: Routes.trainings, kind: "trainings", title: "Học nghề",
                             description: "Các khóa học nghề đang nhận đăng ký: học phí, hỗ trợ tiền ăn, chỗ ở, hạn đăng ký.",
                             navSection: Routes.trainings)
        context.append("trainings", .list(site.openTrainings.map(trainingCard)))
        context.append("rss", rssLink(Routes.trainingsFeed, title: "Khóa học nghề"))
        var files = [page(Routes.trainings, template: "trainings", context)]
        files += (site.openTrainings + site.closedTrainings).map { course in
            var context = common(path: course.path, kind: "training", title: course.title,
                                 description: "\(course.provider), \(course.place). Hạn đăng ký \(course.registrationDeadline.vietnamese).",
                                 navSection: nil, noindex: course.isClosed)
            guard case .object(var detail) = trainingCard(course) else { return page(course.path, template: "training", context) }
            detail.append("closed", .bool(course.isClosed))
            detail.append("daysLeft", .string(Self.daysLeft(until: course.registrationDeadline, at: site.now)))
            detail.append("descriptionHTML", course.descriptionHTML.isEmpty ? .absent : .string(course.descriptionHTML))
            contact(course.contactPhone, into: &detail)
            context.append("training", .object(detail))
            context.append("report", reportLinks(id: course.id))
            if !course.isClosed {
                context.append("qrSVG", .string(QRCode.svg(for: config.absoluteURL(course.path), label: "Mã QR dẫn tới trang của khóa học này")))
            }
            context.append("structuredDataHTML", .string(AgendaStructuredData.scriptElement(AgendaStructuredData.course(course, site: config))))
            return page(course.path, template: "training", context)
        }
        return files
    }
}
