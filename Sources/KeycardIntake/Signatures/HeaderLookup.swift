/// Case-insensitive access to HTTP headers held in a plain dictionary.
extension Dictionary where Key == String, Value == String {
    func caseInsensitiveHeader(_ name: String) -> String? {
        if let value = self[name] { return value }
        let lowered = name.lowercased()
        return first { $0.key.lowercased() == lowered }?.value
    }
}
