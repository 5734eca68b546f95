import Foundation

/// One file of the built site: its path under the output folder (`/` separators) and its bytes.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, data: Data(bytes))
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
