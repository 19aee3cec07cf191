import RelanceCore

/// What a reader of XML events throws to stop reading: a limit passed, or a value it refuses.
struct XMLStop: Error {
    /// What is wrong, worded per language when the refusal is read.
    var problem: ImportProblem
    var code: ImportError.Code = .overLimit
    /// Where, when the handler knows better than the XML line and column (a workbook cell).
    var position: SourcePosition?
}

/// Receives the events of one XML document, in order. Names are as the parser gives them
/// (local names when namespaces are processed).
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, attributes: [String: String]) throws(XMLStop)
    func characters(_ text: String) throws(XMLStop)
    func end(_ name: String) throws(XMLStop)
    /// Where the start tag about to be reported sits: for handlers that put the line of what
    /// they read into their results (a bank entry's line). Called before `start`.
    func located(line: Int, column: Int)
}

extension XMLEventHandler {
    func located(line: Int, column: Int) {}
}

/// Runs `ByteXMLScanner` under `ImportLimits` for readers that want names and texts as strings
/// (e-invoices, bank statements, the workbook's own small parts): nesting depth and element count
/// are checked at each start tag, and the handler may stop the read too, so a hostile document is
/// refused while it is read, never after. No DTD is accepted (no entity can expand, no external
/// file can be read): e-invoices, bank statements and XLSX parts never carry one.
///
/// It ran on Foundation's `XMLParser` (libxml2) until that crashed, in a test process, on some
/// mutated workbook parts; one reader of our own, fuzzed, now serves every XML document.
/// Namespaces are not resolved: a prefix is dropped when `processNamespaces` (`cbc:ID` is `ID`),
/// which is all the readers need; an undeclared prefix is therefore not refused.
enum BoundedXMLReader {
    /// Where a document that is not well-formed goes wrong: the caller words the error.
    struct Malformation: Error {
        var line: Int
        var column: Int
        /// The document ends before its root element is closed (a file cut short).
        var truncated: Bool
    }

    /// Reads the document into `handler`; returns nil when it is well-formed, else where it is not.
    /// `part`: the name of the document inside its container (`xl/workbook.xml`), put before the
    /// element path in positions; `positionsByLine`: false for workbook parts, whose positions
    /// name cells, not XML lines.
    static func read(_ bytes: [UInt8], file: String, part: String? = nil, processNamespaces: Bool, limits: ImportLimits,
                     positionsByLine: Bool = true, into handler: some XMLEventHandler) throws(ImportError) -> Malformation? {
        let utf8 = try XMLInput.utf8(bytes, file: file)
        if XMLInput.declaresDoctype(utf8) { throw doctypeRefusal(file: file, part: part) }
        var adapter = Adapter(handler: handler, local: processNamespaces)
        do throws(ByteXMLScanner.Failure) {
            try ByteXMLScanner.scan(utf8, maxDepth: limits.xmlDepth, maxElements: limits.xmlElements, into: &adapter)
            return nil
        } catch {
            switch error {
            case .stop(let stop, let path, let at):
                var position = stop.position ?? SourcePosition(
                    file: file, line: positionsByLine ? at.line : nil, column: positionsByLine ? at.column : nil,
                    path: [part, path].compactMap { $0 }.joined(separator: " "))
                if position.path == "" { position.path = nil }
                throw ImportError(stop.code, at: position, stop.problem)
            case .malformed(let at, let truncated):
                return Malformation(line: at.line, column: at.column, truncated: truncated)
            }
        }
    }

    /// The refusal of a document type declaration, which no part Relance reads needs.
    static func doctypeRefusal(file: String, part: String?) -> ImportError {
        ImportError(.unsupported, at: SourcePosition(file: file, path: part),
.structure(.doctype))
    }

    /// Turns the scanner's byte views into the strings an `XMLEventHandler` reads.
    private struct Adapter<Handler: XMLEventHandler>: ByteXMLHandler {
        let handler: Handler
        let local: Bool

        static var wantsLines: Bool { true }

        func located(line: Int, column: Int) {
            handler.located(line: line, column: column)
        }

        func start(_ name: XMLByteName, attributes: XMLByteAttributes) throws(XMLStop) {
            try handler.start(String(decoding: local ? name.local : name.qualified, as: UTF8.self), attributes: attributes.all())
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XMLStop) {
            try handler.characters(String(decoding: text, as: UTF8.self))
        }

        func end(_ name: XMLByteName) throws(XMLStop) {
            try handler.end(String(decoding: local ? name.local : name.qualified, as: UTF8.self))
        }
    }
}
