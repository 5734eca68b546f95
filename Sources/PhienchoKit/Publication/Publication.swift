/// The select stage: which vacancies are published at `now`, and how.
public struct Publication: Sendable {
    /// An expired vacancy keeps its page (marked expired, noindex) this many days after `expires`,
    /// so links shared on social media or printed still explain what happened; then it disappears.
    public static let expiredRetentionDays = 90

    public let now: LocalDate
    /// Open vacancies, newest posted first, ties by id.
    public let open: [Vacancy]
    /// Expired vacancies still shown at their URL, by id.
    public let expired: [Vacancy]
    public let unpublishedCount: Int

    public static func state(of vacancy: Vacancy, at now: LocalDate) -> PublicationState {
        guard vacancy.status == .approved, vacancy.posted <= now else { return .unpublished }
        if now <= vacancy.expires { return .open }
        return now.dayNumber - vacancy.expires.dayNumber < expiredRetentionDays ? .expired : .unpublished
    }

    public init(_ vacancies: [Vacancy], at now: LocalDate) {
        self.now = now
        var open: [Vacancy] = [], expired: [Vacancy] = []
        for vacancy in vacancies {
            switch Self.state(of: vacancy, at: now) {
            case .open: open.append(vacancy)
            case .expired: expired.append(vacancy)
            case .unpublished: break
            }
        }
        // Sorted as indexes with each slug computed once: `slug` lower-cases the id, and moving
        // `Vacancy` values around while sorting copies every field.
        let openSlugs = open.map(\.slug), expiredSlugs = expired.map(\.slug)
        self.open = open.indices.sorted { i, j in
            open[i].posted != open[j].posted ? open[i].posted > open[j].posted : openSlugs[i] < openSlugs[j]
        }.map { open[$0] }
        self.expired = expired.indices.sorted { expiredSlugs[$0] < expiredSlugs[$1] }.map { expired[$0] }
        unpublishedCount = vacancies.count - open.count - expired.count
    }
}
