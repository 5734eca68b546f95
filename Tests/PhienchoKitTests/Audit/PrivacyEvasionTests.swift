import Foundation
import PropertyBased
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// Issue 16's hostile set as properties: each direct identifier of a random seeker, planted in each
/// disguise a reader or a machine still reads through, is caught; each pair of one record's
/// quasi-identifiers is caught; a single quasi-identifier passes.
@Suite("Privacy: no evasions")
struct PrivacyEvasionTests {
    /// A disguise of a value, and where on a page it goes.
    struct Evasion: Sendable, CustomStringConvertible {
        let name: String
        let html: @Sendable (String) -> String
        var description: String { name }
    }

    static func mapScalars(_ text: String, _ transform: (Unicode.Scalar) -> String) -> String {
        text.unicodeScalars.map(transform).joined()
    }

    static func asciiShifted(_ text: String, upper: UInt32, lower: UInt32, digit: UInt32?) -> String {
        mapScalars(PrivacyText.stripDiacritics(text)) { scalar in
            switch scalar.value {
            case 0x41...0x5A: String(Unicode.Scalar(upper + scalar.value - 0x41)!)
            case 0x61...0x7A: String(Unicode.Scalar(lower + scalar.value - 0x61)!)
            case 0x30...0x39: digit.map { String(Unicode.Scalar($0 + scalar.value - 0x30)!) } ?? String(scalar)
            default: String(scalar)
            }
        }
    }

    static let lookAlikes: [Character: Character] = ["a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х",
                                                     "i": "і", "A": "А", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
                                                     "T": "Т", "N": "Ν", "B": "В"]

    static func percentEncoded(_ text: String) -> String {
        text.utf8.map { String(format: "%%%02X", $0) }.joined()
    }

    /// Disguises of any value.
    static let textEvasions: [Evasion] = [
        Evasion(name: "zero-width and format characters") { value in
            let hidden = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{200E}", "\u{200F}",
                          "\u{2066}", "\u{2069}", "\u{FE0F}", "\u{202A}", "\u{202C}"]
            var index = 0
            return "<p>" + mapScalars(value) { scalar in
                index += 1
                return String(scalar) + (scalar == " " ? "" : hidden[index % hidden.count])
            } + "</p>"
        },
        Evasion(name: "full-width letters and digits") { "<p>\(asciiShifted($0, upper: 0xFF21, lower: 0xFF41, digit: 0xFF10))</p>" },
        Evasion(name: "mathematical bold") { "<p>\(asciiShifted($0, upper: 0x1D400, lower: 0x1D41A, digit: 0x1D7CE))</p>" },
        Evasion(name: "Cyrillic and Greek look-alikes") { value in
            "<p>" + String(PrivacyText.stripDiacritics(value).map { lookAlikes[$0] ?? $0 }) + "</p>"
        },
        Evasion(name: "percent-encoded in a profile link") { "<p><a href=\"https://zalo.me/search?q=\(percentEncoded($0))\">Zalo</a></p>" },
        Evasion(name: "NFKC compatibility spaces") { "<p>\($0.replacingOccurrences(of: " ", with: "\u{3000}"))</p>" },
    ]

    /// Disguises of numbers: how people and machines separate and prefix digits.
    static let numberEvasions: [Evasion] = [
        "/", "_", "\u{B7}", "\u{2013}", "\u{2014}", "\n", "<br>", "\u{2009}", " / ", "\u{2212}", "\u{2022}",
    ].map { separator in
        Evasion(name: "digits grouped with \(separator.debugDescription)") { value in
            let digits = value.filter(\.isNumber)
            let groups = stride(from: 0, to: digits.count, by: 3).map { start -> String in
                let from = digits.index(digits.startIndex, offsetBy: start)
                return String(digits[from..<(digits.index(from, offsetBy: 3, limitedBy: digits.endIndex) ?? digits.endIndex)])
            }
            return "<p>Gọi \(groups.joined(separator: separator))</p>"
        }
    } + [
        Evasion(name: "tel: link, percent-encoded +84") { value in
            "<p><a href=\"tel:%2B84%20\(String(value.filter(\.isNumber).dropFirst()))\">Gọi ngay</a></p>"
        },
        Evasion(name: "(+84) with dots") { value in
            let digits = String(value.filter(\.isNumber).dropFirst())
            return "<p>(+84)\(digits.prefix(3)).\(digits.dropFirst(3).prefix(3)).\(digits.dropFirst(6))</p>"
        },
        Evasion(name: "84 prefix, no separator") { "<p>84\(String($0.filter(\.isNumber).dropFirst()))</p>" },
    ]

    static let header = ["ma_ho_so", "ho_ten", "so_cccd", "dien_thoai", "email", "dia_chi", "ghi_chu"]

    static func seekers<R: RandomNumberGenerator>(_ rng: inout R) -> [SeekerRecord] {
        PrivacyRandom.seekers(count: Int.random(in: 1...12, using: &rng), &rng).enumerated().map { index, seeker in
            let email = PrivacyText.stripDiacritics(seeker.name).lowercased().split(separator: " ").joined(separator: ".") + "\(index)@gmail.com"
            let address = "Số \(index + 3) ngõ \(40 + index) đường Lê Công Thanh"
            let note = "Có con nhỏ \(index + 2) tuổi, chỉ làm được ca ngày ở gần nhà bà ngoại"
            return SeekerRecord(file: "content/seekers/a.csv", reference: seeker.recordID, fields: zip(header, [
                seeker.recordID, seeker.name, seeker.citizenID, seeker.phone, email, address, note,
            ]).map { (column: $0, value: $1) })
        }
    }

    @Test("Every direct identifier is caught in every disguise, naming its record and column, never its value")
    func directIdentifiersInEveryDisguise() async {
        let input = Gen<Int>.int(in: 0...Int(Int32.max))
        await propertyCheck(count: 25, input: input) { seed in
            var rng = SeededGenerator(seed: UInt64(seed))
            let records = Self.seekers(&rng)
            let record = records[Int.random(in: 0..<records.count, using: &rng)]
            let audit = LeakAudit(patterns: LeakPatterns(records: records))
            for field in record.fields {
                let isNumber = ["so_cccd", "dien_thoai"].contains(field.column)
                let evasions = Self.textEvasions + (field.column == "dien_thoai" ? Self.numberEvasions
                                                    : isNumber ? Array(Self.numberEvasions.prefix(11)) : [])
                for evasion in evasions {
                    let page = "<html><body><h1>Tuyển công nhân</h1>\(evasion.html(field.value))</body></html>"
                    let findings = audit.audit(path: "p.html", data: Data(page.utf8))
                    #expect(findings.contains { $0.source?.reference == record.reference && $0.source?.column == field.column },
                            "\(field.column) not caught with \(evasion): \(page)")
                    // The record id names the record; every other value stays out of the message.
                    for diagnostic in audit.diagnostics(for: findings, outputDisplay: "public") where field.column != "ma_ho_so" {
                        #expect(!diagnostic.formatted.contains(field.value))
                    }
                }
            }
        }
    }

    @Test("Each pair of one record's quasi-identifiers is caught; each alone passes")
    func quasiIdentifierPairs() async {
        let quasi: [(column: String, value: String)] = [
            ("dia_chi", "Xóm 4, thôn Vân Thị"), ("ngay_sinh", "12/05/1990"),
            ("tinh_trang_an_tich", "Đã được xóa án tích năm 2024"), ("so_thich", "Câu cá và nuôi chim cảnh"),
        ]
        let others = (1...30).map { index in
            SeekerRecord(file: "content/seekers/a.csv", reference: "HS-\(index)", fields: [
                (column: "dia_chi", value: "Thôn \(index), xã Yên \(index)"), (column: "tinh_trang_an_tich", value: "Chưa được xóa án tích"),
            ])
        }
        let record = SeekerRecord(file: "content/seekers/a.csv", reference: "HS-0", fields: quasi)
        let audit = LeakAudit(patterns: LeakPatterns(records: others + [record]))
        func found(_ texts: [String]) -> [LeakAudit.Finding] {
            let page = "<p>Công ty may tuyển công nhân.</p>" + texts.map { "<p>\($0)</p>" }.joined()
            return audit.audit(path: "p.html", data: Data(page.utf8))
        }
        for (index, first) in quasi.enumerated() {
            #expect(found([first.value]).isEmpty, "\(first.column) alone")
            for second in quasi[(index + 1)...] {
                let findings = found([first.value, second.value])
                #expect(findings.count == 1, "\(first.column) + \(second.column)")
                #expect(Set([findings.first?.source?.column, findings.first?.companion?.column]) == [first.column, second.column])
            }
        }
        // A category many records share is not one of a person's values.
        #expect(found(["Thôn Vân Thị", "Chưa được xóa án tích"]).isEmpty)
    }
}
