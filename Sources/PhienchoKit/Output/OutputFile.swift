import Foundation

/// One file of the built site: its path under the output folder (`/` separators) and its bytes.
struct OutputFile: Sendable, Equatable {
    let path: String
    let data: Data

    init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    init(path: String, bytes: [UInt8]) {
        self.init(path: path, data: Data(bytes))
    }

    init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
