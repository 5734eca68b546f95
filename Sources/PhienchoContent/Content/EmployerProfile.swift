import PhienchoCore

/// One entry of the optional `content/employers.yml`: a short profile added to the page of the
/// employer of that name, and whether the centre thanks it publicly on `dong-hanh/` ("Đơn vị đồng
/// hành") — only with `recognised: true`, so a household or a person is never named there unasked.
package struct EmployerProfile: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case company = "doanh_nghiep", cooperative = "hop_tac_xa", household = "ho_kinh_doanh", person = "ca_nhan"

        package var label: String {
            switch self {
            case .company: "Doanh nghiệp"
            case .cooperative: "Hợp tác xã"
            case .household: "Hộ kinh doanh"
            case .person: "Cá nhân"
            }
        }
    }

    package var name: String
    package var kind: Kind
    package var descriptionHTML: String?
    package var website: String?
    package var recognised: Bool
    package var position: SourcePosition?

    /// The employer's identity: the slug of the name, as its page's URL segment.
    package var slug: String { Slug.path(name) }
}
