import PhienchoCore
import PhienchoContent

/// Multi-pattern byte search (Aho–Corasick compiled to a DFA): one pass over the text finds every
/// occurrence of thousands of patterns, so auditing 2,000 seekers costs about the same as auditing one.
struct AhoCorasick {
    /// What an automaton reads, as symbols `0..<size`: the smaller the alphabet, the smaller the
    /// table a scan walks (and the more of it stays in the caches).
    enum Alphabet {
        /// `AuditText.words`: the space, a–z, 0–9 (`AhoCorasick.symbol`).
        case words
        /// `AuditText.digits`: `|`, 0–9 (`AhoCorasick.digitSymbol`).
        case digits

        var size: Int { self == .words ? 37 : 11 }

        func symbol(_ byte: UInt8) -> Int { self == .words ? AhoCorasick.symbol(byte) : AhoCorasick.digitSymbol(byte) }
    }

    let alphabetSize: Int

    /// `state + symbol` → next state, where a state is its row's offset (`number * alphabetSize`),
    /// stored as `~state` (negative) when a pattern ends there, so the scanning loop learns of a
    /// match without a second table lookup. States are numbered breadth-first: those near the root,
    /// which ordinary text visits almost all the time, share a few cache lines.
    private(set) var transitions: [Int32] = []
    private var outputs: [[Int]] = []        // patterns ending at a state (incl. via failure links)

    init(patterns: [[UInt8]], alphabet: Alphabet) {
        alphabetSize = alphabet.size
        // The trie, one row of `alphabetSize` children per state (0 = none: the root is nobody's child).
        var table = [Int32](repeating: 0, count: alphabetSize)
        var output: [[Int]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let slot = state * alphabetSize + alphabet.symbol(byte)
                if table[slot] == 0 {
                    table[slot] = Int32(output.count)
                    table.append(contentsOf: repeatElement(0, count: alphabetSize))
                    output.append([])
                }
                state = Int(table[slot])
            }
            output[state].append(index)
        }
        let count = output.count
        // Breadth-first: failure links, and missing children filled in from the failure state's row.
        var isChild = [Bool](repeating: false, count: count * alphabetSize)
        for slot in table.indices where table[slot] != 0 { isChild[slot] = true }
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        for symbol in 0..<alphabetSize where isChild[symbol] { queue.append(table[symbol]) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let base = Int(state) * alphabetSize
            let failBase = Int(failure[Int(state)]) * alphabetSize
            for symbol in 0..<alphabetSize {
                if isChild[base + symbol] {
                    let next = table[base + symbol]
                    failure[Int(next)] = table[failBase + symbol]
                    output[Int(next)] += output[Int(table[failBase + symbol])]
                    queue.append(next)
                } else {
                    table[base + symbol] = table[failBase + symbol]
                }
            }
        }
        var number = [Int](repeating: 0, count: count)
        for (position, state) in queue.enumerated() { number[Int(state)] = position + 1 }
        var ordered = [Int32](repeating: 0, count: count * alphabetSize)
        var orderedOutputs = [[Int]](repeating: [], count: count)
        for state in 0..<count {
            let row = number[state] * alphabetSize
            for symbol in 0..<alphabetSize {
                let next = Int(table[state * alphabetSize + symbol])
                let offset = Int32(number[next] * alphabetSize)
                ordered[row + symbol] = output[next].isEmpty ? offset : ~offset
            }
            orderedOutputs[number[state]] = output[state]
        }
        transitions = ordered
        outputs = orderedOutputs
    }

    /// The symbol of `0`; `9` is `firstDigitSymbol + 9`.
    static let firstDigitSymbol = 27

    /// a–z → 1…26, 0–9 → 27…36, anything else → 0 (computed: a table would be a global to initialise lazily).
    @inline(__always)
    static func symbol(_ byte: UInt8) -> Int {
        if byte &- UInt8(ascii: "a") < 26 { return Int(byte &- UInt8(ascii: "a")) + 1 }
        if byte &- UInt8(ascii: "0") < 10 { return Int(byte &- UInt8(ascii: "0")) + firstDigitSymbol }
        return 0
    }

    /// 0–9 → 1…10, anything else (`|`) → 0.
    @inline(__always)
    static func digitSymbol(_ byte: UInt8) -> Int {
        byte &- UInt8(ascii: "0") < 10 ? Int(byte &- UInt8(ascii: "0")) + 1 : 0
    }

    /// The character of a symbol: a–z, 0–9, or a space for 0.
    static func character(_ symbol: Int) -> UInt8 {
        switch symbol {
        case 1...26: UInt8(ascii: "a") + UInt8(symbol - 1)
        case firstDigitSymbol...(firstDigitSymbol + 9): UInt8(ascii: "0") + UInt8(symbol - firstDigitSymbol)
        default: 0x20
        }
    }

    /// The patterns that end at a state reached with a negative transition (`~state`).
    func patterns(endingAt encoded: Int32) -> [Int] { outputs[Int(~encoded) / alphabetSize] }

    /// Walks the automaton one byte at a time over a table borrowed for the scan.
    struct Scanner {
        let table: UnsafeBufferPointer<Int32>
        private var state = 0
        /// Encoded states (`~state`) where a pattern ended, in order, repeats removed when adjacent.
        private(set) var matched: [Int32] = []

        init(table: UnsafeBufferPointer<Int32>) {
            self.table = table
        }

        @inline(__always)
        mutating func step(symbol: Int) {
            let next = table[state &+ symbol]
            if next < 0 {
                if matched.last != next { matched.append(next) }
                state = Int(~next)
            } else {
                state = Int(next)
            }
        }
    }
}
