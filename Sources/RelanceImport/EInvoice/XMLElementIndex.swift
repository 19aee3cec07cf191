import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RelanceCore

/// A flat index of an XML document: for each path of local names (`/Invoice/LegalMonetaryTotal/PayableAmount`),
/// the text and attributes of its occurrences in document order. E-invoices are small and
/// the fields we read are fixed paths, so an index beats a tree walk and keeps the parser
/// declarative. Namespace prefixes are dropped: `cbc:ID` and `ID` are the same element.
struct XMLElementIndex {
    struct Element { var text: String; var attributes: [String: String] }

    private(set) var elements: [String: [Element]] = [:]
    private(set) var root = ""

    func first(_ path: String) -> Element? { elements[path]?.first }
    func text(_ path: String) -> String? {
        guard let text = first(path)?.text.trimmingCharacters(), !text.isEmpty else { return nil }
        return text
    }
    func all(_ path: String) -> [Element] { elements[path] ?? [] }

    static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> XMLElementIndex {
        let parser = XMLParser(data: Data(try XMLInput.utf8(bytes, file: file)))
        parser.shouldProcessNamespaces = true
        // No DTDs, no external entities: an invoice from outside must not make us read files (XXE).
        parser.shouldResolveExternalEntities = false
        let delegate = Collector()
        parser.delegate = delegate
        // On Linux, parse() returns true after recoverable errors and for a truncated document,
        // so errors are collected by the delegate and the root must have been closed.
        let succeeded = parser.parse()
        if !succeeded || delegate.error != nil || parser.parserError != nil || !delegate.closedRoot {
            let (line, column) = delegate.error ?? (parser.lineNumber, parser.columnNumber)
            let code = (parser.parserError as? NSError)?.code
            let reason = delegate.closedRoot ? "malformed XML" + (code.map { ", libxml2 error \($0)" } ?? "") : "the document ends before its root element is closed"
            throw ImportError(.badXML, at: SourcePosition(file: file, line: line, column: column),
                              "the XML cannot be read (\(reason))",
                              hint: "Check that the file is a complete, well-formed XML invoice; ask the sender to issue it again.")
        }
        return XMLElementIndex(elements: delegate.elements, root: delegate.root)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: [Element]] = [:]
        var root = ""
        var error: (Int, Int)?
        var closedRoot = false
        private var stack: [String] = []
        private var texts: [String] = []
        private var attributes: [[String: String]] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            if stack.isEmpty { root = local }
            stack.append(local)
            texts.append("")
            attributes.append(attributeDict)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !texts.isEmpty { texts[texts.count - 1] += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let path = "/" + stack.joined(separator: "/")
            elements[path, default: []].append(Element(text: texts.removeLast(), attributes: attributes.removeLast()))
            stack.removeLast()
            if stack.isEmpty { closedRoot = true }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil { error = (parser.lineNumber, parser.columnNumber) }
        }
    }
}

extension String {
    /// Trims XML whitespace (space, tab, CR, LF) around element text.
    func trimmingCharacters() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
