import Foundation
import PhienchoCore
import PhienchoContent

extension LeakAudit {
    /// An iCalendar file as a calendar program shows it (RFC 5545 §3.1, §3.3.11): folded lines joined
    /// (a line break followed by a space or tab is removed, so a name split at 75 octets is whole
    /// again) and text escapes decoded (`\,` `\;` `\\` and `\n` as a line break).
    static func unfoldedCalendar(_ data: Data) -> Data {
        var output = Data(capacity: data.count)
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09 {
                index += 3
            } else if byte == 0x0A, index + 1 < bytes.count, bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 {
                index += 2
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                      case let next = bytes[index + 1], [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "N")].contains(next) {
                output.append(next == UInt8(ascii: "n") || next == UInt8(ascii: "N") ? 0x0A : next)
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
