/// "Did you mean": the closest of some candidates to a misspelt word.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a
    /// likely typo (at most a third of the word's length, and at least 1).
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty, target.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            guard abs(letters.count - target.count) <= max(1, target.count / 3) else { continue }
            let distance = editDistance(target, letters)
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        // Distance 0 means the word differs only in case: keywords are lower case.
        guard let (candidate, distance) = best, candidate != word, distance <= max(1, target.count / 3) else { return nil }
        return candidate
    }

    /// Levenshtein distance, one row at a time.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `did you mean 'x'?` for the closest candidate, or `nil`.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }
}
