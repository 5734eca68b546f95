import PhienchoCore

/// "Did you mean …?" for unknown keys, communes and sectors: the closest candidate by edit distance
/// over folded text, when it is close enough to be a plausible typo.
package enum Suggestion {
    package static func closest(to input: String, among candidates: [String]) -> String? {
        let target = Array(VietnameseFolding.fold(input))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(VietnameseFolding.fold(candidate)))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, target.count / 3) else { return nil }
        return best.name
    }

    package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
