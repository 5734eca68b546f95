import FlyingFox
import FlyingSocks
import Foundation
import PhienchoCore
import PhienchoContent

/// `phiencho serve`: a preview of the site for staff, on their own machine only.
///
/// Builds into a temporary folder with base_url set to the preview's own address, serves it on
/// 127.0.0.1 with FlyingFox, and polls the content folder and the themes folder; any change (a file
/// added, removed, saved) triggers a rebuild. A build with errors prints them in the terminal and
/// makes every page request show them (status 500) rather than the stale pages of the last good
/// build; fixing the content recovers on the next poll. Stops on SIGINT/SIGTERM (or when `stop`
/// returns), closing the socket and removing the temporary folder.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        package var content: Folder
        package var themes: Folder
        /// 0 picks a free port.
        public var port: UInt16
        /// Publication day; nil: today (decided again at each build).
        public var now: LocalDate?
        public var pollInterval: Duration

        package init(content: Folder, themes: Folder, port: UInt16 = 8080, now: LocalDate? = nil,
                     pollInterval: Duration = .seconds(1)) {
            self.content = content
            self.themes = themes
            self.port = port
            self.now = now
            self.pollInterval = pollInterval
        }
    }

    /// What the server tells the person at the terminal.
    public enum Event: Sendable {
        /// The temporary folder the site is built into.
        case temporaryFolder(URL)
        /// A build finished; `first` for the one before serving starts.
        case built(BuildReport, first: Bool)
        /// Serving at this address (printed once, after the first build).
        case serving(URL)
        /// Stopped cleanly; the temporary folder is gone.
        case stopped
    }

    public enum Failure: Error, CustomStringConvertible {
        case temporaryFolder(String)
        case listen(port: UInt16, String)

        /// The process's exit status: 2, as for any folder or port the command cannot use.
        public var exitStatus: Int32 { 2 }

        public var description: String {
            switch self {
            case .temporaryFolder(let path): "Không tạo được thư mục tạm trong \(path)."
            case .listen(let port, let reason):
                port == 0 ? "Không mở được máy chủ xem trước: \(reason)."
                    : "Không mở được cổng \(port) (có thể một chương trình khác đang dùng cổng này; thử --port 0 hoặc một cổng khác): \(reason)."
            }
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs until `stop` returns (the CLI passes `StopSignals().wait`), then cleans up.
    public func run(until stop: @escaping @Sendable () async -> Void,
                    events: @escaping @Sendable (Event) -> Void) async throws(Failure) {
        do {
            try await serve(until: stop, events: events)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.listen(port: options.port, Self.reason(error))
        }
    }

    private func serve(until stop: @escaping @Sendable () async -> Void,
                       events: @escaping @Sendable (Event) -> Void) async throws {
        let temporary = try Self.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        events(.temporaryFolder(temporary))
        let output = temporary.appendingPathComponent("site")
        let state = PreviewState(root: output)

        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: options.port)
        } catch {
            throw Failure.listen(port: options.port, Self.reason(error))
        }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: PreviewHandler(state: state))

        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await server.run()
                } catch is CancellationError {
                } catch {
                    throw Failure.listen(port: options.port, Self.reason(error))
                }
                return false
            }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                guard case .ip4(_, let port)? = await server.listeningAddress else {
                    throw Failure.listen(port: options.port, "không đọc được địa chỉ")
                }
                try await watch(port: port, output: output, state: state, events: events)
                return false
            }
            group.addTask {
                await stop()
                return true
            }
            // The first child to finish decides: a stop request (true) ends the preview normally;
            // a server or watcher failure is rethrown.
            defer { group.cancelAll() }
            while let stopped = try await group.next() {
                if stopped { break }
            }
            await server.stop(timeout: 1)
        }
        try? FileManager.default.removeItem(at: temporary)
        events(.stopped)
    }

    /// Builds once, announces the address, then rebuilds whenever the watched folders change.
    private func watch(port: UInt16, output: URL, state: PreviewState,
                       events: @escaping @Sendable (Event) -> Void) async throws {
        let baseURL = "http://127.0.0.1:\(port)/"
        let folders = [options.content.url, options.themes.url]
        var fingerprint = SourceFingerprint(folders: folders)
        await rebuild(baseURL: baseURL, output: output, state: state, first: true, events: events)
        events(.serving(URL(string: baseURL)!))
        while !Task.isCancelled {
            try await Task.sleep(for: options.pollInterval)
            let current = SourceFingerprint(folders: folders)
            guard current != fingerprint else { continue }
            fingerprint = current
            await rebuild(baseURL: baseURL, output: output, state: state, first: false, events: events)
        }
    }

    private func rebuild(baseURL: String, output: URL, state: PreviewState, first: Bool,
                         events: @escaping @Sendable (Event) -> Void) async {
        let siteOptions = Site.Options(content: options.content, themes: options.themes,
                                       output: Folder(output, shown: "(thư mục xem trước)"), baseURL: baseURL, now: options.now)
        // The build blocks (and uses both cores); keep it off the threads that serve requests.
        let report = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Site(options: siteOptions).build()) }
        }
        await state.update(failure: report.succeeded ? nil : report.diagnostics)
        events(.built(report, first: first))
    }

    /// A socket error in Vietnamese (FlyingFox's descriptions are English).
    private static func reason(_ error: any Error) -> String {
        switch error as? SocketError {
        case .failed(_, let code, _)?: return code == EADDRINUSE ? "cổng đang bận" : SystemErrorText.vietnamese(code)
        case .timeout?: return "quá thời gian chờ"
        default: return "lỗi mạng trên máy này"
        }
    }

    private static func makeTemporaryFolder() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.standardizedFileURL.path
        var template = Array((parent + "/phiencho-xem-truoc-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else { throw Failure.temporaryFolder(parent) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
