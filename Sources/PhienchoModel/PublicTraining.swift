import PhienchoCore

/// The public projection of a vocational course: what pages, feeds and the search index may show.
package final class PublicTraining: Sendable {
    package let id: String
    package let slug: String
    package let title: String
    package let provider: String
    package let place: String
    package let commune: Term?
    package let start: LocalDate?
    package let registrationDeadline: LocalDate
    package let duration: String?
    package let cost: Int?
    package let support: [String]
    package let contactPhone: String?
    package let descriptionHTML: String
    package let descriptionText: String
    /// Registration has closed: the page says so and is not indexed.
    package let isClosed: Bool

    package init(id: String, slug: String, title: String, provider: String, place: String, commune: Term?, start: LocalDate?, registrationDeadline: LocalDate, duration: String?, cost: Int?, support: [String], contactPhone: String?, descriptionHTML: String, descriptionText: String, isClosed: Bool) {
        self.id = id
        self.slug = slug
        self.title = title
        self.provider = provider
        self.place = place
        self.commune = commune
        self.start = start
        self.registrationDeadline = registrationDeadline
        self.duration = duration
        self.cost = cost
        self.support = support
        self.contactPhone = contactPhone
        self.descriptionHTML = descriptionHTML
        self.descriptionText = descriptionText
        self.isClosed = isClosed
    }

    package var path: String { Routes.training(slug: slug) }

    /// "Miễn phí", "1.500.000 đồng", or nil when the file does not say.
    package var costText: String? {
        cost.map { $0 == 0 ? "Miễn phí" : "\(VietnameseFormat.number($0)) đồng" }
    }
}
