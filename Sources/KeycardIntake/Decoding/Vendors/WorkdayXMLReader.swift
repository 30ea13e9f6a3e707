import Foundation
import KeycardCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a Workday outbound notification into the text of its leaf elements, by local name (`wd:` dropped),
/// first occurrence wins. Only UTF-8 is read, DTDs are refused outright (no entity expansion), and nesting is bounded.
enum WorkdayXMLReader {
    static let maximumDepth = 64

    static func leafTexts(_ body: Data) -> Result<[String: String], ValidationFailure> {
        // FoundationXML traps on names that are not UTF-8, so nothing else reaches it.
        guard String(validating: body, as: UTF8.self) != nil else {
            return .failure(problem("is not UTF-8 text; expected a Workday XML notification"))
        }
        if body.range(of: Data("<!DOCTYPE".utf8)) != nil || body.range(of: Data("<!ENTITY".utf8)) != nil {
            return .failure(problem("contains a DTD; Workday notifications never do, and entities are not expanded"))
        }
        let collector = LeafCollector()
        let parser = XMLParser(data: body)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        if let problem = collector.problem { return .failure(Self.problem(problem)) }
        guard parsed else {
            let detail = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            return .failure(problem("is not well-formed XML (line \(parser.lineNumber)): \(detail)"))
        }
        guard collector.sawElement else { return .failure(problem("holds no XML element")) }
        guard collector.rootClosed else { return .failure(problem("is not well-formed XML: it ends inside an element (truncated?)")) }
        return .success(collector.texts)
    }

    private static func problem(_ reason: String) -> ValidationFailure {
        ValidationFailure([FieldError(path: "body", reason: reason)])
    }

    private final class LeafCollector: NSObject, XMLParserDelegate {
        var texts: [String: String] = [:]
        var problem: String?
        var sawElement = false
        var rootClosed = false
        private var depth = 0
        private var text = ""
        private var hasChildren = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            sawElement = true
            depth += 1
            hasChildren = false
            text = ""
            if depth > WorkdayXMLReader.maximumDepth {
                problem = "nests elements more than \(WorkdayXMLReader.maximumDepth) levels deep"
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if text.utf8.count < 65_536 { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if depth == 0 { rootClosed = true }
            let localName = String(elementName.split(separator: ":").last ?? Substring(elementName))
            if !hasChildren, texts[localName] == nil {
                texts[localName] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            hasChildren = true
            text = ""
        }
    }
}
