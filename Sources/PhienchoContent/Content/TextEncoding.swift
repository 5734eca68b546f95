import PhienchoCore

/// The encoding a file that is not UTF-8 was probably saved in, guessed from its bytes, so that
/// the message can say what the file is and how to save it again as UTF-8.
///
/// UTF-16 and UTF-32 are recognised by their byte order mark or their zero bytes. For the 8-bit
/// Vietnamese encodings the guess uses the letters Vietnamese cannot do without: TCVN3 (ABC) puts
/// ă â ê ô ơ ư đ at 0xA8–0xAE, where Windows-1258 has symbols; Windows-1258 writes tones as
/// combining marks (0xCC, 0xEC, 0xD2, 0xDE, 0xF2) after a vowel. Anything else is named as an old
/// 8-bit encoding (VNI among them).
package enum TextEncoding: Equatable {
    case utf16LittleEndian, utf16BigEndian, utf32, tcvn3, windows1258, legacy8Bit

    package static func guess<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> TextEncoding? where Bytes.Index == Int {
        let start = bytes.startIndex
        if bytes.count >= 4, bytes[start] == 0xFF, bytes[start + 1] == 0xFE, bytes[start + 2] == 0, bytes[start + 3] == 0 { return .utf32 }
        if bytes.count >= 4, bytes[start] == 0, bytes[start + 1] == 0, bytes[start + 2] == 0xFE, bytes[start + 3] == 0xFF { return .utf32 }
        if bytes.count >= 2, bytes[start] == 0xFF, bytes[start + 1] == 0xFE { return .utf16LittleEndian }
        if bytes.count >= 2, bytes[start] == 0xFE, bytes[start + 1] == 0xFF { return .utf16BigEndian }
        // Text in UTF-16 without a mark: most of its ASCII letters sit beside a zero byte.
        let sample = bytes.prefix(4096)
        var zerosAtEven = 0, zerosAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        if zerosAtOdd > sample.count / 4 && zerosAtOdd > 4 * zerosAtEven { return .utf16LittleEndian }
        if zerosAtEven > sample.count / 4 && zerosAtEven > 4 * zerosAtOdd { return .utf16BigEndian }

        var high = 0, tcvnLetters = 0, combiningTones = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 {
                high += 1
                if (0xA8...0xAE).contains(byte) { tcvnLetters += 1 }
                if [0xCC, 0xEC, 0xD2, 0xDE, 0xF2].contains(byte) && Self.isVowel(previous) { combiningTones += 1 }
            }
            previous = byte
        }
        guard high > 0 else { return nil }
        if tcvnLetters * 5 >= high { return .tcvn3 }
        if combiningTones * 5 >= high { return .windows1258 }
        return .legacy8Bit
    }

    /// A vowel as Windows-1258 writes it before a combining tone: a e i o u y, their capitals, and
    /// â ê ô ơ ư ă with their capitals.
    private static func isVowel(_ byte: UInt8) -> Bool {
        "aeiouyAEIOUY".utf8.contains(byte) || [0xE2, 0xEA, 0xF4, 0xF5, 0xFD, 0xE3, 0xC2, 0xCA, 0xD4, 0xD5, 0xDD, 0xC3].contains(byte)
    }

    /// What the file is, in words staff know from Notepad or Unikey.
    package var name: String {
        switch self {
        case .utf16LittleEndian: return "UTF-16 LE (Notepad gọi là “Unicode” hoặc “UTF-16 LE”)"
        case .utf16BigEndian: return "UTF-16 BE (Notepad gọi là “Unicode big endian” hoặc “UTF-16 BE”)"
        case .utf32: return "UTF-32"
        case .tcvn3: return "TCVN3 (ABC), bảng mã cũ của các phông chữ .Vn"
        case .windows1258: return "Windows-1258 (bảng mã tiếng Việt cũ của Windows, Notepad gọi là “ANSI”)"
        case .legacy8Bit: return "một bảng mã cũ 8 bit (VNI, TCVN3 hoặc Windows-1258)"
        }
    }

    /// The steps to save the file again as UTF-8.
    var howToSave: String {
        switch self {
        case .utf16LittleEndian, .utf16BigEndian, .utf32, .windows1258:
            return "Mở tệp bằng Notepad, chọn Tệp → Lưu thành…, ở ô “Mã hóa” (Encoding) chọn “UTF-8”, rồi bấm Lưu và chạy lại."
        case .tcvn3, .legacy8Bit:
            return "Mở tệp bằng Notepad, chép hết chữ, dùng Unikey → Công cụ chuyển mã (Ctrl+Shift+F6) với bảng mã nguồn là bảng mã cũ (TCVN3 hay VNI), bảng mã đích là “Unicode”, bấm “Chuyển mã”; dán lại vào tệp, rồi Tệp → Lưu thành… → “Mã hóa”: “UTF-8” → Lưu."
        }
    }

    /// The whole message for a content file in this encoding.
    package var message: String {
        "Tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã \(name). \(howToSave)"
    }
}
