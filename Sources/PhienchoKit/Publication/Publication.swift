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
        self.open = open.sorted(by: Self.newestFirst)
        self.expired = expired.sorted { $0.slug < $1.slug }
        unpublishedCount = vacancies.count - open.count - expired.count
    }

    static func newestFirst(_ a: Vacancy, _ b: Vacancy) -> Bool {
        a.posted != b.posted ? a.posted > b.posted : a.slug < b.slug
    }
}
