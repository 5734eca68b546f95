import Foundation
import ZIPFoundation
import PhienchoCore

extension XLSXReader {
    /// The parts of the zip package, by their path inside it; counts what it unpacks.
    final class Package {
        let archive: Archive
        private var unpacked = 0

        init(archive: Archive) { self.archive = archive }

        private struct OverLimit: Error {}

        /// A part's bytes (nil when the package has no such part), never more than the limits,
        /// whatever its header claims.
        func data(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            let tooLarge = Failure.refused(reason: "phần \(path) giải nén ra quá \(Limits.partBytes >> 20) MB, hoặc cả tệp quá \(Limits.totalBytes >> 20) MB")
            guard entry.uncompressedSize <= UInt64(Limits.partBytes) else { throw tooLarge }
            let budget = min(Limits.partBytes, Limits.totalBytes - unpacked)
            let extraction = Extraction()
            // The archive is used by one thread at a time: this one waits, and after a timeout the
            // read ends without touching it again.
            let job = Unchecked((archive, entry))
            let worker = Thread {
                var data = Data()
                let outcome: Result<Data, Error>
                do {
                    _ = try job.value.0.extract(job.value.1, skipCRC32: false) { chunk in
                        guard data.count + chunk.count <= budget else { throw OverLimit() }
                        data.append(chunk)
                    }
                    outcome = .success(data)
                } catch {
                    outcome = .failure(error)
                }
                extraction.finish(outcome)
            }
            worker.start()
            guard extraction.done.wait(timeout: .now() + .seconds(Limits.unpackSeconds)) == .success, let outcome = extraction.outcome else {
                throw .damaged(part: path)
            }
            switch outcome {
            case .success(let data):
                unpacked += data.count
                return data
            case .failure(let error) where error is OverLimit:
                throw tooLarge
            case .failure:
                throw .damaged(part: path)
            }
        }

        private struct Unchecked<Value>: @unchecked Sendable {
            package let value: Value
            init(_ value: Value) { self.value = value }
        }

        /// The result of one part's unpacking, handed from the thread that unpacks it.
        private final class Extraction: @unchecked Sendable {
            let done = DispatchSemaphore(value: 0)
            private let lock = NSLock()
            private var result: Result<Data, Error>?

            var outcome: Result<Data, Error>? { lock.withLock { result } }

            func finish(_ outcome: Result<Data, Error>) {
                lock.withLock { result = outcome }
                done.signal()
            }
        }

        func tree(_ path: String) throws(Failure) -> XMLTree? {
            guard let data = try data(path) else { return nil }
            switch XMLTree.parse(data, maximumElements: Limits.elementsPerPart) {
            case .success(let tree): return tree
            case .failure(.malformed): throw .damaged(part: path)
            case .failure(.declaresEntities):
                throw .refused(reason: "phần \(path) có khai báo DTD hay thực thể (ENTITY), điều một bảng tính thật không có")
            case .failure(.tooManyElements):
                throw .refused(reason: "phần \(path) có hơn \(Limits.elementsPerPart) phần tử (ô, dòng, chuỗi)")
            }
        }

        struct Relationship { var id: String; var type: String; var target: String }

        /// The relationships of a part (`""` for the package itself), targets resolved to package paths.
        func relationshipTargets(of part: String) throws(Failure) -> [Relationship] {
            let folder = part.split(separator: "/").dropLast().joined(separator: "/")
            let file = part.split(separator: "/").last.map(String.init) ?? ""
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard let tree = try tree(relsPath) else { return [] }
            return tree.children("Relationship").compactMap { element in
                guard let id = element.attribute("Id"), let type = element.attribute("Type"),
                      let target = element.attribute("Target"), element.attribute("TargetMode") != "External" else { return nil }
                return Relationship(id: id, type: type, target: Self.resolve(target, from: folder))
            }
        }

        /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root;
        /// `..` steps up.
        static func resolve(_ target: String, from folder: String) -> String {
            var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
            for piece in target.split(separator: "/") {
                if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
            }
            return parts.joined(separator: "/")
        }
    }
}
