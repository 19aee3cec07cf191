import RelanceCore

/// A flat index of an XML document: for each path of local names (`/Invoice/LegalMonetaryTotal/PayableAmount`),
/// the text and attributes of its occurrences in document order. E-invoices are small and
/// the fields we read are fixed paths, so an index beats a tree walk and keeps the parser
/// declarative. Namespace prefixes are dropped: `cbc:ID` and `ID` are the same element.
///
/// Paths are kept as a tree of names (each distinct path once, as a child of its parent), so an
/// element costs one lookup of its own name, whatever its depth: reading is linear in the
/// document, and a path string is only ever built from a lookup's own argument.
struct XMLElementIndex {
    struct Element { var text: String; var attributes: [String: String] }

    private struct Node {
        var children: [String: Int] = [:]
        var elements: [Element] = []
    }

    /// Node 0 stands above the root element.
    private var nodes: [Node] = [Node()]
    private(set) var root = ""

    func first(_ path: String) -> Element? { all(path).first }
    func text(_ path: String) -> String? {
        guard let text = first(path)?.text.trimmingCharacters(), !text.isEmpty else { return nil }
        return text
    }
    func all(_ path: String) -> [Element] {
        var node = 0
        for name in path.split(separator: "/") {
            guard let child = nodes[node].children[String(name)] else { return [] }
            node = child
        }
        return node == 0 ? [] : nodes[node].elements
    }

    /// `part`: the document's name inside a container (`xl/workbook.xml`), for positions.
    static func parse(_ bytes: [UInt8], file: String, part: String? = nil, limits: ImportLimits = .standard) throws(ImportError) -> XMLElementIndex {
        let collector = Collector()
        // No DTDs, no external entities: an invoice from outside must not make us read files (XXE).
        if let malformed = try BoundedXMLReader.read(bytes, file: file, part: part, processNamespaces: true, limits: limits,
                                                     positionsByLine: part == nil, into: collector) {
            throw ImportError(.badXML, at: SourcePosition(file: file, line: malformed.line, column: malformed.column, path: part),
                              .eInvoice(.malformedXML(truncated: malformed.truncated)))
        }
        return collector.index
    }

    private final class Collector: XMLEventHandler {
        var index = XMLElementIndex()
        /// The open elements: their node, text so far and attributes.
        private var open: [(node: Int, text: String, attributes: [String: String])] = []

        func start(_ name: String, attributes: [String: String]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if open.isEmpty { index.root = local }
            let parent = open.last?.node ?? 0
            let node: Int
            if let known = index.nodes[parent].children[local] {
                node = known
            } else {
                node = index.nodes.count
                index.nodes.append(Node())
                index.nodes[parent].children[local] = node
            }
            open.append((node, "", attributes))
        }

        func characters(_ text: String) {
            if !open.isEmpty { open[open.count - 1].text += text }
        }

        func end(_ name: String) {
            let closed = open.removeLast()
            index.nodes[closed.node].elements.append(Element(text: closed.text, attributes: closed.attributes))
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
