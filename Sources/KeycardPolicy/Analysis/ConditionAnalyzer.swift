/// Static facts about a condition: whether it can never hold, always holds, or implies another.
///
/// Sound but incomplete: "never" and "always" answers are certain, "maybe" is the default.
struct ConditionAnalyzer {
    let source: [Unicode.Scalar]

    init(condition: String) {
        self.source = Array(condition.unicodeScalars)
    }

    /// The node's text without spaces, used to spot the same clause written twice.
    func text(_ expression: Expression) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[max(0, expression.start)..<min(source.count, expression.end)]
            .filter { !$0.properties.isWhitespace })
        return String(view)
    }

    /// The value of an attribute-free expression.
    func constant(_ expression: Expression) -> Bool? {
        guard expression.attributes.isEmpty else { return nil }
        let program = ConditionProgram.lower(expression) { _ in 0 }
        return program.holds([])
    }

    func neverHolds(_ expression: Expression) -> Bool {
        if let value = constant(expression) { return !value }
        switch expression.kind {
        case .or(let items): return items.allSatisfy(neverHolds)
        case .not(let inner): return alwaysHolds(inner)
        case .and(let items):
            if items.contains(where: neverHolds) { return true }
            return contradicts(conjuncts(expression))
        default: return false
        }
    }

    func alwaysHolds(_ expression: Expression) -> Bool {
        if let value = constant(expression) { return value }
        switch expression.kind {
        case .or(let items): return items.contains(where: alwaysHolds)
        case .and(let items): return items.allSatisfy(alwaysHolds)
        case .not(let inner): return neverHolds(inner)
        default: return false
        }
    }

    /// Conjuncts of a condition with nested `&&` flattened.
    func conjuncts(_ expression: Expression) -> [Expression] {
        if case .and(let items) = expression.kind { return items.flatMap(conjuncts) }
        return [expression]
    }

    /// Whether a set of conjuncts contradicts itself: `x == a && x == b`, `x in [..]` without `a`, `c && !c`, ...
    func contradicts(_ parts: [Expression]) -> Bool {
        var allowed: [String: Set<PolicyValue>] = [:]
        var excluded: [String: Set<PolicyValue>] = [:]
        var present = Set<String>()
        var absent = Set<String>()
        var texts = Set<String>()
        var negatedTexts = Set<String>()
        for part in parts {
            switch part.kind {
            case .compare(.equal, let left, let right):
                if let (name, value) = attributeAndLiteral(left, right) {
                    allowed[name] = (allowed[name] ?? [value]).intersection([value])
                    present.insert(name)
                }
            case .compare(.notEqual, let left, let right):
                if let (name, value) = attributeAndLiteral(left, right) { excluded[name, default: []].insert(value) }
            case .member(let element, let list):
                if case .attribute(let name) = element.kind, case .list(let items) = list.kind {
                    let values = Set(items.compactMap { item -> PolicyValue? in
                        if case .literal(let value) = item.kind, value.isIndexable { return value }
                        return nil
                    })
                    if values.count == items.count {
                        allowed[name] = (allowed[name] ?? values).intersection(values)
                        present.insert(name)
                    }
                }
            case .has(let name): present.insert(name)
            case .not(let inner):
                if case .has(let name) = inner.kind { absent.insert(name) }
                negatedTexts.insert(text(inner))
            default: break
            }
            texts.insert(text(part))
        }
        if !present.isDisjoint(with: absent) { return true }
        if !texts.isDisjoint(with: negatedTexts) { return true }
        for (name, values) in allowed {
            if values.subtracting(excluded[name] ?? []).isEmpty { return true }
        }
        return false
    }

    private func attributeAndLiteral(_ left: Expression, _ right: Expression) -> (String, PolicyValue)? {
        if case .attribute(let name) = left.kind, case .literal(let value) = right.kind, value.isIndexable { return (name, value) }
        if case .attribute(let name) = right.kind, case .literal(let value) = left.kind, value.isIndexable { return (name, value) }
        return nil
    }
}
