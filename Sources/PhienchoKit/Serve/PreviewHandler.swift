import FlyingFox
import Foundation
import PhienchoCore
import PhienchoModel
import PhienchoContent

/// What the preview currently serves: the folder of the last good build, and the diagnostics of
/// the latest build when it failed (then every HTML request gets the error page).
struct PreviewSnapshot: Sendable {
    /// The built site; it may not exist yet when the very first build failed.
    var root: URL
    /// Non-nil while the latest build has errors.
    var failure: [Diagnostic]?
}

/// Holds the snapshot the HTTP handler reads and the watcher replaces after each build.
public actor PreviewState {
    private(set) var snapshot: PreviewSnapshot

    init(root: URL) {
        snapshot = PreviewSnapshot(root: root, failure: nil)
    }

    func update(failure: [Diagnostic]?) {
        snapshot.failure = failure
    }
}

/// Serves the built site like the portal's web server would: a folder's `index.html`, a redirect
/// from `/folder` to `/folder/`, the site's own `404.html` with status 404, the right Content-Type,
/// and `Cache-Control: no-store` so a reload always shows the latest build. While the latest build
/// has errors, any request for a page gets `ErrorPage` with status 500.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    init(state: PreviewState) {
        self.state = state
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let head = request.method == .HEAD
        let reply: PreviewResponse
        if request.method == .GET || head {
            reply = Self.respond(to: request.target.path(percentEncoded: true), snapshot: await state.snapshot)
        } else {
            reply = PreviewResponse(status: 405, type: "text/plain; charset=utf-8",
                                    body: Data("Chỉ hỗ trợ GET và HEAD.\n".utf8), headers: ["Allow": "GET, HEAD"])
        }
        var headers = HTTPHeaders()
        headers[.contentType] = reply.type
        headers[.cacheControl] = "no-store"
        for (name, value) in reply.headers { headers[HTTPHeader(name)] = value }
        if head {
            headers[.contentLength] = String(reply.body.count)
            return HTTPResponse(statusCode: Self.statusCode(reply.status), headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: Self.statusCode(reply.status), headers: headers, body: reply.body)
    }

    static func statusCode(_ status: Int) -> HTTPStatusCode {
        switch status {
        case 200: .ok
        case 301: .movedPermanently
        case 404: .notFound
        case 405: .methodNotAllowed
        default: .internalServerError
        }
    }

    /// The response for a raw (percent-encoded) request path, apart from FlyingFox's types so that
    /// it can be tested directly.
    static func respond(to rawPath: String, snapshot: PreviewSnapshot) -> PreviewResponse {
        let resolution = resolve(rawPath, in: snapshot.root)
        if let diagnostics = snapshot.failure, resolution.isHTMLRequest {
            return PreviewResponse(status: 500, type: ContentType.html, body: Data(ErrorPage.html(diagnostics: diagnostics).utf8))
        }
        switch resolution {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(snapshot) }
            return PreviewResponse(status: 200, type: ContentType.forFile(url.lastPathComponent), body: data)
        case .redirect(let location):
            return PreviewResponse(status: 301, type: "text/plain; charset=utf-8", body: Data(), headers: ["Location": location])
        case .missing:
            return notFound(snapshot)
        }
    }

    enum Resolution: Equatable {
        case file(URL)
        case redirect(String)
        /// Nothing there; `page` unless the name has an extension other than `.html`.
        case missing(page: Bool)

        /// A page (a folder, an `.html` file, or a path without an extension), as opposed to an
        /// asset, feed or index file.
        var isHTMLRequest: Bool {
            switch self {
            case .file(let url): url.pathExtension.lowercased() == "html" || url.pathExtension.lowercased() == "htm"
            case .redirect: true
            case .missing(let page): page
            }
        }
    }

    /// Maps a request path to a file of the built site. `..` and hidden names never resolve.
    static func resolve(_ rawPath: String, in root: URL) -> Resolution {
        let decoded = rawPath.removingPercentEncoding ?? rawPath
        guard decoded.hasPrefix("/"), !decoded.contains("\0") else { return .missing(page: true) }
        var parts: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            guard part != "..", !part.hasPrefix(".") else { return .missing(page: true) }
            parts.append(String(part))
        }
        let target = parts.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            let name = parts.last ?? ""
            let page = !name.contains(".") || name.lowercased().hasSuffix(".html") || name.lowercased().hasSuffix(".htm")
            return .missing(page: page)
        }
        if isDirectory.boolValue {
            // Rebuilt from the checked parts, never from the raw path: `//viec-lam` must not become
            // the protocol-relative `//viec-lam/`, which a browser reads as another host.
            guard decoded.hasSuffix("/") else {
                let segment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))
                return .redirect("/" + parts.map { $0.addingPercentEncoding(withAllowedCharacters: segment) ?? $0 }
                    .joined(separator: "/") + "/")
            }
            let index = target.appendingPathComponent(Routes.file(ofPage: ""))
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .missing(page: true)
        }
        return .file(target)
    }

    private static func notFound(_ snapshot: PreviewSnapshot) -> PreviewResponse {
        let page = snapshot.root.appendingPathComponent(Routes.notFound)
        let body = FileManager.default.contents(atPath: page.path)
            ?? Data("<!DOCTYPE html><html lang=\"vi\"><title>Không tìm thấy trang</title><h1>Không tìm thấy trang</h1></html>\n".utf8)
        return PreviewResponse(status: 404, type: ContentType.html, body: body)
    }
}

/// A response of the preview server before it is put into FlyingFox's type.
struct PreviewResponse: Sendable, Equatable {
    var status: Int
    var type: String
    var body: Data
    /// Headers besides Content-Type (Cache-Control: no-store is added to every response).
    var headers: [String: String] = [:]
}
