/// "Did you mean …?" for ids and keys: the candidate with the smallest edit distance, if close enough.
public enum Closest {
    public static func match(_ word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (distance, candidate)
            }
        }
        guard let best else { return nil }
        // Allow roughly one mistake per three characters, so "titel" finds "title" but "x" finds nothing.
        let allowed = max(2, target.count / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A hint sentence, or nil when nothing is close.
    public static func hint(_ word: String, in candidates: some Sequence<String>) -> String? {
        match(word, in: candidates).map { "did you mean '\($0)'?" }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
