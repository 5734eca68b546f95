import PhienchoCore
import PhienchoModel

/// The keys templates receive (docs/theme.md): what every page has, vacancy cards and details,
/// term links and feed links.
extension SiteRenderer {
    package func page(_ path: String, template: String, _ context: TemplateObject) -> OutputFile {
        OutputFile(path: Routes.file(ofPage: path), bytes: theme.render(template, .object(context)))
    }

    /// Keys present on every page. `path` is the page's root-relative folder ("" for home);
    /// `documentTitle` replaces the `<title>` made from `title` (a vacancy's names its employer and place).
    package func common(path: String, kind: String, title: String, description: String, navSection: String?,
                noindex: Bool = false, extraFeeds: [TemplateValue] = [], documentTitle: String? = nil) -> TemplateObject {
        let depth = path.utf8.count(where: { $0 == UInt8(ascii: "/") })
        var context = TemplateObject(minimumCapacity: 16)
        let root = String(repeating: "../", count: depth)
        context.append("root", .string(root))
        context.append("links", depth < shared.links.count ? shared.links[depth] : Self.links(root: root))
        context.append("site", shared.site)
        // What a shared link shows never labels the reader (`LabellingWords`): such a title or
        // description is replaced by a neutral one; the page itself still says what it says.
        let words = theme.labellingWords
        var shownTitle = documentTitle ?? (kind == "home" ? config.title : "\(title) – \(config.title)")
        if words.labels(shownTitle) { shownTitle = kind == "home" ? config.title : "\(config.title) (\(path))" }
        let shownDescription = words.labels(description) ? neutralDescription : description
        let ogTitle = kind == "home" ? config.title : title
        context.append("page", [
            "title": .string(title),
            "documentTitle": .string(shownTitle),
            "description": .string(shownDescription),
            "canonical": .string(config.absoluteURL(path)),
            "noindex": .bool(noindex),
            "kind": .string(kind),
            // The home and search pages have a search box of their own: the menu's is left out.
            "hasSearchBox": .bool(kind == "search" || kind == "home"),
            // Open Graph: what Zalo and Facebook show for a shared link.
            "ogType": .string(kind == "vacancy" ? "article" : "website"),
            "ogTitle": .string(words.labels(ogTitle) ? shownTitle : ogTitle),
        ])
        context.append("assets", shared.assets)
        context.append("build", shared.build)
        context.append("nav", navSection.flatMap { shared.nav[$0] } ?? shared.noNav)
        context.append("feeds", .list([shared.siteFeed] + extraFeeds))
        return context
    }

    /// The description of a page whose own would label the reader.
    var neutralDescription: String {
        "Việc làm đang tuyển ở \(config.province): lương, nơi làm việc, hạn nộp hồ sơ và số điện thoại để gọi ngay."
    }

    /// `{{links.<name>}}`: each named section of `Routes.links`, relative to the page at `root`.
    package static func links(root: String) -> TemplateValue {
        .object(TemplateObject(Routes.links.map { ($0.name, .string(root + $0.path)) }))
    }

    /// A `<link rel="alternate">` entry for a term's feed (absolute URL).
    func feedLink(_ term: Term) -> TemplateValue {
        (term.kind == .sector ? shared.sectorFeeds : shared.communeFeeds)[term.slug] ?? Self.feedLink(term, config: config)
    }

    static func feedLink(_ term: Term, config: PublicSettings) -> TemplateValue {
        ["title": .string(Taxonomy(term).heading(term)), "href": .string(config.absoluteURL(Routes.feed(of: Routes.term(term))))]
    }

    /// The visible "Nhận tin mới" line on home and term pages (`href` relative to root).
    func rssLink(_ path: String, title: String) -> TemplateValue {
        ["href": .string(path), "title": .string(title)]
    }

    /// `report`: where "Báo tin này sai hoặc có dấu hiệu lừa đảo" leads — a call to the hotline, and
    /// an e-mail to the centre whose subject names the page's id; absent when the site has neither.
    func reportLinks(id: String) -> TemplateValue {
        let mail = config.email.map { Self.mailtoHref($0, subject: "Báo tin \(id) sai hoặc có dấu hiệu lừa đảo") }
        guard config.hotline != nil || mail != nil else { return .absent }
        return ["telHref": .string(config.hotline.map(VietnameseFormat.telephoneHref)), "mailHref": .string(mail)]
    }

    /// `mailto:` with a subject percent-encoded as UTF-8 (RFC 6068): every byte but the unreserved ones.
    static func mailtoHref(_ address: String, subject: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes = Array("mailto:\(address)?subject=".utf8)
        for byte in subject.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The card of an open vacancy from the cache, else built.
    package func card(_ vacancy: PublicVacancy) -> TemplateValue {
        shared.cards[vacancy.id] ?? Self.card(vacancy, at: site.now)
    }

    package static func card(_ vacancy: PublicVacancy, at now: LocalDate) -> TemplateValue {
        .object(cardObject(vacancy, at: now, capacity: 15))
    }

    /// The card keys of a vacancy page: the cached card of an open vacancy, with room for the
    /// detail keys, else built.
    func detailBase(_ vacancy: PublicVacancy) -> TemplateObject {
        guard case .object(var card)? = shared.cards[vacancy.id] else { return Self.cardObject(vacancy, at: site.now, capacity: 33) }
        card.reserveCapacity(33)
        return card
    }

    /// The keys of a vacancy card; `daysLeft` is counted at the build day, nil once expired.
    static func cardObject(_ vacancy: PublicVacancy, at now: LocalDate, capacity: Int) -> TemplateObject {
        var card = TemplateObject(minimumCapacity: capacity)
        card.append("title", .string(vacancy.title))
        card.append("href", .string(vacancy.path))
        card.append("employer", .string(vacancy.employerName))
        card.append("commune", .string(vacancy.commune.name))
        card.append("place", .string(vacancy.commune.kindAndName))
        card.append("communeHref", .string(Routes.term(vacancy.commune)))
        card.append("sector", .string(vacancy.sector.name))
        card.append("sectorHref", .string(Routes.term(vacancy.sector)))
        card.append("salary", .string(VietnameseFormat.salary(vacancy.salary)))
        card.append("expires", .string(vacancy.expires.vietnamese))
        card.append("expiresISO", .string(vacancy.expires.iso))
        card.append("daysLeft", .string(Self.daysLeft(until: vacancy.expires, at: now)))
        card.append("posted", .string(vacancy.posted.vietnamese))
        card.append("postedISO", .string(vacancy.posted.iso))
        card.append("employmentType", .string(VietnameseFormat.employmentType(vacancy.employmentType)))
        card.append("openings", .int(vacancy.openings))
        return card
    }

    /// "còn 12 ngày", "hết hạn hôm nay" at the build day; nil once `deadline` has passed.
    static func daysLeft(until deadline: LocalDate, at now: LocalDate) -> String? {
        let days = deadline.dayNumber - now.dayNumber
        return days < 0 ? nil : days == 0 ? "hết hạn hôm nay" : "còn \(days) ngày"
    }

    package func detail(_ vacancy: PublicVacancy) -> TemplateValue {
        var context = detailBase(vacancy)
        context.append("id", .string(vacancy.id))
        context.append("expired", .bool(vacancy.isExpired))
        let employerSlug = Slug.path(vacancy.employerName)
        context.append("employerHref", .string(employerSlug.isEmpty ? nil : Routes.employer(slug: employerSlug)))
        contact(vacancy.employerPhone, into: &context)
        context.append("employerAddress", .string(vacancy.employerAddress))
        context.append("employerPhone", .string(vacancy.employerPhone))
        context.append("employerPhoneHref", .string(vacancy.employerPhone.map(VietnameseFormat.telephoneHref)))
        context.append("employerEmail", .string(vacancy.employerEmail))
        context.append("employerWebsite", .string(vacancy.employerWebsite))
        context.append("hasContact", .bool(vacancy.employerAddress != nil || vacancy.employerPhone != nil
            || vacancy.employerEmail != nil || vacancy.employerWebsite != nil))
        context.append("address", .string(vacancy.address))
        context.append("requirements", .strings(vacancy.requirements))
        context.append("benefits", .strings(vacancy.benefits))
        context.append("tags", .strings(vacancy.tags))
        context.append("hasRequirements", .bool(!vacancy.requirements.isEmpty))
        context.append("hasBenefits", .bool(!vacancy.benefits.isEmpty))
        context.append("hasTags", .bool(!vacancy.tags.isEmpty))
        context.append("descriptionHTML", vacancy.descriptionHTML.isEmpty ? .absent : .string(vacancy.descriptionHTML))
        context.append("applyHTML", .string(vacancy.applyHTML))
        context.append("hasApply", .bool(vacancy.applyHTML != nil))
        return .object(context)
    }

    /// A taxonomy's terms sorted by folded name, each with its count of open vacancies; `onlyOpen`
    /// leaves out terms without any.
    func termLinks(_ taxonomy: Taxonomy, onlyOpen: Bool) -> TemplateValue {
        let counts = taxonomy.openVacancies(of: site)
        return .list(taxonomy.terms(of: site).sorted { (VietnameseFolding.fold($0.name), $0.name) < (VietnameseFolding.fold($1.name), $1.name) }
            .compactMap { term in
                let count = counts[term.slug]?.count ?? 0
                return onlyOpen && count == 0 ? nil : termLink(term, count: count)
            })
    }

    func termLink(_ term: Term, count: Int) -> TemplateValue {
        ["name": .string(term.name), "kindLabel": .string(term.kind.rawValue), "href": .string(Routes.term(term)), "count": .int(count)]
    }

    /// A taxonomy's index lists: the terms with open vacancies first, most first (ties by folded
    /// name), then the others by folded name, for the compact list.
    func termIndex(_ taxonomy: Taxonomy) -> (open: TemplateValue, empty: TemplateValue) {
        let counts = taxonomy.openVacancies(of: site)
        let named = taxonomy.terms(of: site).map { (term: $0, key: (VietnameseFolding.fold($0.name), $0.name), count: counts[$0.slug]?.count ?? 0) }
        let open = named.filter { $0.count > 0 }.sorted { ($1.count, $0.key.0, $0.key.1) < ($0.count, $1.key.0, $1.key.1) }
        let empty = named.filter { $0.count == 0 }.sorted { $0.key < $1.key }
        return (.list(open.map { termLink($0.term, count: $0.count) }), .list(empty.map { termLink($0.term, count: 0) }))
    }
}
