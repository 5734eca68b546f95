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

    init(_ training: Training, isClosed: Bool) {
        id = training.id
        slug = training.slug
        title = training.title
        provider = training.provider
        place = training.place
        commune = training.commune
        start = training.start
        registrationDeadline = training.registrationDeadline
        duration = training.duration
        cost = training.cost
        support = training.support
        contactPhone = training.contactPhone
        descriptionHTML = training.descriptionHTML
        descriptionText = training.descriptionText
        self.isClosed = isClosed
    }

    var path: String { Routes.training(slug: slug) }

    /// "Miễn phí", "1.500.000 đồng", or nil when the file does not say.
    var costText: String? {
        cost.map { $0 == 0 ? "Miễn phí" : "\(VietnameseFormat.number($0)) đồng" }
    }
}
