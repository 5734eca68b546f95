import Foundation
import ZIPFoundation
import PhienchoCore

/// The zip package of an Office Open XML document — a workbook (`Workbook`) or a Word document
/// (`ReportDocument`) — written by ZIPFoundation, every entry dated `date`, so the same parts give
/// the same bytes.
package enum OfficePackage {
    package static func data(_ parts: [(path: String, text: String)], date: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The XML declaration every part starts with.
    package static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
