import PhienchoCore
import PhienchoContent

/// The leak audit's `AuditSink`: steps the word and digit automata as the folded views are produced,
/// and collects every run of exactly 12 digits shaped like a CCCD number (starting with a
/// province code 001–096) in `digits` or `strictDigits`.
struct AuditScan: AuditSink {
    private var wordScanner: AhoCorasick.Scanner
    private var digitScanner: AhoCorasick.Scanner
    /// The number being read in `digits` and in `strictDigits`, and how many digits it has so far.
    private var run: (value: UInt64, length: Int) = (0, 0)
    private var strictRun: (value: UInt64, length: Int) = (0, 0)
    private(set) var citizenIDShapes: [UInt64] = []

    init(words: UnsafeBufferPointer<Int32>, digits: UnsafeBufferPointer<Int32>) {
        wordScanner = AhoCorasick.Scanner(table: words)
        digitScanner = AhoCorasick.Scanner(table: digits)
    }

    /// Encoded automaton states where a word or digit pattern ended (`AhoCorasick.patterns(endingAt:)`).
    var words: [Int32] { wordScanner.matched }
    var digits: [Int32] { digitScanner.matched }

    @inline(__always)
    mutating func word(_ symbol: Int) { wordScanner.step(symbol: symbol) }

    @inline(__always)
    mutating func digit(_ byte: UInt8) {
        digitScanner.step(symbol: AhoCorasick.digitSymbol(byte))
        let value = UInt64(byte - UInt8(ascii: "0"))
        run = (run.length < 13 ? run.value &* 10 &+ value : run.value, run.length + 1)
        strictRun = (strictRun.length < 13 ? strictRun.value &* 10 &+ value : strictRun.value, strictRun.length + 1)
    }

    mutating func digitBreak() {
        digitScanner.step(symbol: 0)
        check(run)
        run = (0, 0)
    }

    mutating func strictBreak() {
        check(strictRun)
        strictRun = (0, 0)
    }

    mutating func forgetCitizenIDShapes() { citizenIDShapes = [] }

    private mutating func check(_ number: (value: UInt64, length: Int)) {
        // Twelve digits with a leading 0: below 10^11; the province code is the first three digits.
        guard number.length == 12, number.value < 100_000_000_000 else { return }
        let province = number.value / 1_000_000_000
        if (1...96).contains(province) { citizenIDShapes.append(number.value) }
    }
}
