import PhienchoCore
import PhienchoContent

/// The select stage: which vacancies are published at `now`, and how.
package struct Publication: Sendable {
    /// An expired vacancy keeps its page (marked expired, noindex) this many days after `expires`,
    /// so links shared on social media or printed still explain what happened; then it disappears.
    static let expiredRetentionDays = 90

    package let now: LocalDate
    /// Open vacancies, newest posted first, ties by id.
    package let open: [Vacancy]
    /// Expired vacancies still shown at their URL, by id.
    package let expired: [Vacancy]
    /// Withdrawn vacancies whose URL still answers ("Tin này đã được gỡ") as long as an expired
    /// one's would, by id.
    package let withdrawn: [Vacancy]

    package static func state(of vacancy: Vacancy, at now: LocalDate) -> PublicationState {
        guard vacancy.status == .approved, vacancy.posted <= now else { return .unpublished }
        if now <= vacancy.expires { return .open }
        return now.dayNumber - vacancy.expires.dayNumber < expiredRetentionDays ? .expired : .unpublished
    }

    package init(_ vacancies: [Vacancy], at now: LocalDate) {
        self.now = now
        var open: [Int] = [], expired: [Int] = [], withdrawn: [Int] = []
        for index in vacancies.indices {
            if Self.answersWithdrawn(vacancies[index], at: now) { withdrawn.append(index) }
            switch Self.state(of: vacancies[index], at: now) {
            case .open: open.append(index)
            case .expired: expired.append(index)
            case .unpublished: break
            }
        }
        // Sorted as indexes with each slug computed once, and each vacancy copied once: `slug`
        // lower-cases the id, and moving `Vacancy` values around copies every field.
        let slugs = vacancies.map(\.slug)
        self.open = open.sorted { i, j in
            vacancies[i].posted != vacancies[j].posted ? vacancies[i].posted > vacancies[j].posted : slugs[i] < slugs[j]
        }.map { vacancies[$0] }
        self.expired = expired.sorted { slugs[$0] < slugs[$1] }.map { vacancies[$0] }
        self.withdrawn = withdrawn.sorted { slugs[$0] < slugs[$1] }.map { vacancies[$0] }
    }

    /// A withdrawn vacancy that was posted keeps its address until 90 days after its deadline.
    static func answersWithdrawn(_ vacancy: Vacancy, at now: LocalDate) -> Bool {
        vacancy.status == .withdrawn && vacancy.posted <= now && now.dayNumber - vacancy.expires.dayNumber < expiredRetentionDays
    }
}
