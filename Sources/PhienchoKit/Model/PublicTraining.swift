/// The public projection of a vocational course: what pages, feeds and the search index may show.
final class PublicTraining: Sendable {
    let id: String
    let slug: String
    let title: String
    let provider: String
    let place: String
    let commune: Term?
    let start: LocalDate?
    let registrationDeadline: LocalDate
    let duration: String?
    let cost: Int?
    let support: [String]
    let contactPhone: String?
    let descriptionHTML: String
    let descriptionText: String
    /// Registration has closed: the page says so and is not indexed.
    let isClosed: Bool

    init(id: String, slug: String, title: String, provider: String, place: String, commune: Term?, start: LocalDate?, registrationDeadline: LocalDate, duration: String?, cost: Int?, support: [String], contactPhone: String?, descriptionHTML: String, descriptionText: String, isClosed: Bool) {
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

    var path: String { Routes.training(slug: slug) }

    /// "Miễn phí", "1.500.000 đồng", or nil when the file does not say.
    var costText: String? {
        cost.map { $0 == 0 ? "Miễn phí" : "\(VietnameseFormat.number($0)) đồng" }
    }
}
