import PhienchoCore
import PhienchoModel

/// The employers' pages: `nha-tuyen-dung/` (every employer with open vacancies), one page per
/// employer with its open vacancies (paginated, with a feed), and `dong-hanh/`, the employers the
/// centre thanks (`recognised: true` only).
extension SiteRenderer {
    /// An employer's open vacancies and how they are split into pages.
    func employerPagination(_ employer: PublicEmployer) -> Pagination {
        Pagination(itemCount: employer.open.count, pageSize: config.pageSize, basePath: employer.path)
    }

    func employerLink(_ employer: PublicEmployer) -> TemplateValue {
        var link: TemplateObject = ["name": .string(employer.name), "href": .string(employer.path), "count": .int(employer.open.count)]
        link.append("kindLabel", .string(employer.kindLabel))
        link.append("descriptionHTML", .string(employer.descriptionHTML))
        link.append("website", .string(employer.website))
        return .object(link)
    }

    func renderEmployerPages() -> [OutputFile] {
        let indexPath = Routes.employers
        var context = common(path: indexPath, kind: "employers", title: "Nhà tuyển dụng",
                             description: "Các doanh nghiệp, hợp tác xã, hộ kinh doanh đang tuyển người qua Phiên chợ việc làm.",
                             navSection: indexPath)
        let hiring = site.employers.filter { !$0.open.isEmpty }
        context.append("employers", .list(hiring.map(employerLink)))
        context.append("hasPartners", .bool(!site.partners.isEmpty))
        var files = [page(indexPath, template: "employers", context)]

        files += parallelMap(site.employers) { employer -> [OutputFile] in
            let pagination = employerPagination(employer)
            let heading = "Việc làm của \(employer.name)"
            let rss = rssLink(Routes.feed(of: employer.path), title: heading)
            let feed: TemplateValue = ["title": .string(heading), "href": .string(config.absoluteURL(Routes.feed(of: employer.path)))]
            return (1...pagination.pageCount).map { number in
                let path = pagination.path(ofPage: number)
                var context = common(path: path, kind: "employer", title: number == 1 ? employer.name : "\(employer.name) – trang \(number)",
                                     description: "\(employer.name): \(employer.open.count) việc làm đang tuyển.", navSection: indexPath,
                                     noindex: employer.open.isEmpty, extraFeeds: [feed])
                context.append("employer", employerLink(employer))
                context.append("rss", rss)
                context.append("vacancies", .list(pagination.range(ofPage: number).map { card(employer.open[$0]) }))
                context.append("pagination", pagination.context(forPage: number))
                return page(path, template: "employer", context)
            }
        }.flatMap { $0 }
        return files
    }

    /// `dong-hanh/index.html`: "Đơn vị đồng hành".
    func renderPartnersPage() -> OutputFile {
        let path = Routes.partners
        var context = common(path: path, kind: "partners", title: "Đơn vị đồng hành",
                             description: "Các đơn vị đã nhận người hoàn thành án phạt tù vào làm việc, được Trung tâm và Công an tỉnh ghi nhận.",
                             navSection: Routes.employers)
        context.append("partners", .list(site.partners.map(employerLink)))
        return page(path, template: "partners", context)
    }
}
