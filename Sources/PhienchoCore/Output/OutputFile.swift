import Foundation

/// One file of the built site: its path under the output folder (`/` separators) and its bytes.
package struct OutputFile: Sendable, Equatable {
    package let path: String
    package let data: Data

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    package init(path: String, bytes: [UInt8]) {
        self.init(path: path, data: Data(bytes))
    }

    package init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
