import PhienchoCore
import PhienchoModel

/// A phone number the content calls the centre's ("Đường dây nóng …", "Trung tâm Dịch vụ việc làm
/// … gọi …", the organisation's name) that is not site.yml's `hotline`: a warning (PC324) at the
/// number, since one of the two is wrong and citizens would call it. Read sentence by sentence, so
/// an employer's number in the sentence before is not taken for the centre's.
enum HotlineConsistency {
    static func diagnostics(hotline: String, organization: String, files: [SourceFile]) -> [Diagnostic] {
        let expected = VietnameseFormat.telephoneHref(hotline)
        let names = ["đường dây nóng", "hotline", "trung tâm dịch vụ việc làm", "gọi trung tâm", "trung tâm:",
                     organization.lowercased()]
        return parallelMap(files) { file -> [Diagnostic] in
            var found: [Diagnostic] = []
            // The whole text is searched once, and lines only around a number.
            let numbers = PhoneNumbers.ranges(in: file.text)
            guard !numbers.isEmpty else { return [] }
            var lineStart = file.text.startIndex
            var lineNumber = 1
            for range in numbers {
                while let newline = file.text[lineStart..<range.lowerBound].firstIndex(of: "\n") {
                    lineStart = file.text.index(after: newline)
                    lineNumber += 1
                }
                let number = String(file.text[range])
                guard VietnameseFormat.telephoneHref(number) != expected else { continue }
                let line = file.text[lineStart...].prefix { $0 != "\n" }
                let sentence = line[sentenceStart(in: line, before: range.lowerBound)..<range.lowerBound].lowercased()
                guard names.contains(where: sentence.contains) else { continue }
                found.append(Diagnostic(.warning, .hotlineMismatch, path: file.displayPath, line: lineNumber,
                                        column: file.text.distance(from: lineStart, to: range.lowerBound) + 1,
                                        "Số “\(number)” được ghi là số của Trung tâm nhưng khác số đường dây nóng trong site.yml (“\(hotline)”). Người đọc sẽ gọi nhầm một trong hai số: hãy sửa cho giống nhau."))
            }
            return found
        }.flatMap { $0 }
    }

    /// Where the sentence holding `index` begins: after the last ". ", "! " or "? " before it.
    private static func sentenceStart(in text: Substring, before index: String.Index) -> String.Index {
        var start = text.startIndex
        var position = text.startIndex
        while position < index {
            let next = text.index(after: position)
            if ".!?".contains(text[position]), next < index, text[next] == " " { start = next }
            position = next
        }
        return start
    }
}
