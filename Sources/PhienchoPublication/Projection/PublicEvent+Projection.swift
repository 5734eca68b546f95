import PhienchoCore
import PhienchoModel
import PhienchoContent

extension PublicEvent {
    /// Each published field copied by name, nothing else.
    convenience init(_ event: Event, isPast: Bool) {
        self.init(id: event.id, slug: event.slug, title: event.title, kind: event.kind, start: event.start, end: event.end, place: event.place, commune: event.commune, organiser: event.organiser, contactPhone: event.contactPhone, descriptionHTML: event.descriptionHTML, descriptionText: event.descriptionText, isPast: isPast)
    }
}
