/// Multi-pattern byte search (Aho–Corasick compiled to a DFA): one pass over the text finds every
/// occurrence of thousands of patterns, so auditing 2,000 seekers costs about the same as auditing one.
/// The alphabet is that of `AuditText`: a–z, 0–9 and one separator (space or `|`), 37 symbols.
struct AhoCorasick {
    static let alphabetSize = 37
    private static let symbols: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 27
        default: 0
        }
    }

    private var transitions: [Int32] = []   // state * alphabetSize + symbol → next state
    private var outputs: [[Int]] = []        // patterns ending at a state (incl. via failure links)

    init(patterns: [[UInt8]]) {
        var goto: [[UInt8: Int32]] = [[:]]
        var output: [[Int]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for byte in pattern.map({ Self.symbols[Int($0)] }) {
                if let next = goto[Int(state)][byte] {
                    state = next
                } else {
                    goto.append([:])
                    output.append([])
                    let next = Int32(goto.count - 1)
                    goto[Int(state)][byte] = next
                    state = next
                }
            }
            output[Int(state)].append(index)
        }
        let count = goto.count
        var table = [Int32](repeating: 0, count: count * Self.alphabetSize)
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        for (byte, next) in goto[0] {
            table[Int(byte)] = next
            queue.append(next)
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let base = Int(state) * Self.alphabetSize
            let failBase = Int(failure[Int(state)]) * Self.alphabetSize
            for byte in 0..<Self.alphabetSize {
                if let next = goto[Int(state)][UInt8(byte)] {
                    failure[Int(next)] = table[failBase + byte]
                    output[Int(next)] += output[Int(table[failBase + byte])]
                    table[base + byte] = next
                    queue.append(next)
                } else {
                    table[base + byte] = table[failBase + byte]
                }
            }
        }
        transitions = table
        outputs = output
    }

    /// Indexes of the patterns that occur in `text` (each reported once).
    func matches(in text: [UInt8]) -> Set<Int> {
        var found: Set<Int> = []
        var state = 0
        text.withUnsafeBufferPointer { bytes in
            transitions.withUnsafeBufferPointer { table in
                for byte in bytes {
                    state = Int(table[state &* Self.alphabetSize &+ Int(Self.symbols[Int(byte)])])
                    if !outputs[state].isEmpty { found.formUnion(outputs[state]) }
                }
            }
        }
        return found
    }
}
