/// A `/` filter: `key:value` terms (`state:failed`, `kind:leaver`) and free words; a row must match all.
public struct ListFilter: Sendable, Hashable {
    public var fieldTerms: [(key: String, value: String)]
    public var words: [String]

    public init(_ text: String) {
        var fieldTerms: [(String, String)] = []
        var words: [String] = []
        for token in text.lowercased().split(separator: " ") {
            if let colon = token.firstIndex(of: ":"), colon != token.startIndex, token.index(after: colon) != token.endIndex {
                fieldTerms.append((String(token[..<colon]), String(token[token.index(after: colon)...])))
            } else {
                words.append(String(token))
            }
        }
        self.fieldTerms = fieldTerms
        self.words = words
    }

    public var isEmpty: Bool { fieldTerms.isEmpty && words.isEmpty }

    public func matches(_ row: some ListRow) -> Bool {
        for term in fieldTerms {
            guard let value = row.field(term.key)?.lowercased(), value.hasPrefix(term.value) else { return false }
        }
        if words.isEmpty { return true }
        let text = row.searchText.lowercased()
        return words.allSatisfy { text.contains($0) }
    }

    public static func == (lhs: ListFilter, rhs: ListFilter) -> Bool {
        lhs.words == rhs.words && lhs.fieldTerms.map { [$0.key, $0.value] } == rhs.fieldTerms.map { [$0.key, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words)
    }
}
