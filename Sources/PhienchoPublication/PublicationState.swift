import PhienchoCore

/// What a vacancy is at a given day, in the site's time zone.
package enum PublicationState: Sendable, Equatable {
    /// approved and posted ≤ now ≤ expires: its page, listings, term pages, feeds, search.
    case open
    /// approved, expired fewer than `Publication.expiredRetentionDays` days ago: its page only, marked expired.
    case expired
    /// draft, withdrawn, not yet posted, or expired long ago: no output at all.
    case unpublished
}
