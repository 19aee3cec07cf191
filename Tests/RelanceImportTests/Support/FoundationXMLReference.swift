import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RelanceImport
import RelanceCore

/// `BoundedXMLReader` as it was before `ByteXMLScanner`: Foundation's `XMLParser` (libxml2) under
/// `ImportLimits`. Kept here only as the oracle of the differential tests, which check that the
/// byte-level reader reports the same events, limits and refusals.
enum FoundationXMLReference {
    /// How the parse ended when no limit stopped it: the caller words the malformed-XML error.
    struct Ending {
        /// Line and column of the first parse error, if any.
        var error: (line: Int, column: Int)?
        /// Where the parser stopped (the end of a truncated document).
        var end: (line: Int, column: Int)
        var libxmlCode: Int?
        var closedRoot: Bool
        var succeeded: Bool { error == nil && closedRoot }
    }

    /// `part`: the name of the document inside its container (`xl/workbook.xml`), put before the
    /// element path in positions; `positionsByLine`: false for workbook parts, whose positions
    /// name cells, not XML lines.
    static func read(_ bytes: [UInt8], file: String, part: String? = nil, processNamespaces: Bool, limits: ImportLimits,
                     positionsByLine: Bool = true, into handler: some XMLEventHandler) throws(ImportError) -> Ending {
        let utf8 = try XMLInput.utf8(bytes, file: file)
        if XMLInput.declaresDoctype(utf8) { throw BoundedXMLReader.doctypeRefusal(file: file, part: part) }
        // Fed from a stream, in chunks: given the whole document at once, libxml2's push parser
        // refuses any part above 10 MB (its lookup limit) as "not well-formed" — an Excel sheet
        // of 600,000 cells, written as one 11 MB part, would be refused for a reason it does not have.
        let parser = XMLParser(stream: InputStream(data: Data(utf8)))
        parser.shouldProcessNamespaces = processNamespaces
        parser.shouldResolveExternalEntities = false
        let guardian = Guardian(handler: handler, limits: limits)
        parser.delegate = guardian
        let returned = parser.parse()
        if let stopped = guardian.stopped {
            let (stop, line, column, path) = stopped
            var position = stop.position ?? SourcePosition(
                file: file, line: positionsByLine ? line : nil, column: positionsByLine ? column : nil,
                path: [part, path].compactMap { $0 }.joined(separator: " "))
            if position.path == "" { position.path = nil }
            throw ImportError(stop.code, at: position, stop.problem)
        }
        let code = (parser.parserError as? NSError)?.code
        let failed = !returned || guardian.error != nil || parser.parserError != nil
        return Ending(error: failed ? (guardian.error ?? (parser.lineNumber, parser.columnNumber)) : nil,
                      end: (parser.lineNumber, parser.columnNumber), libxmlCode: code, closedRoot: guardian.closedRoot)
    }

    /// The delegate: counts, checks, forwards; after a stop it ignores the events libxml2 still
    /// delivers while it unwinds.
    private final class Guardian<Handler: XMLEventHandler>: NSObject, XMLParserDelegate {
        let handler: Handler
        let limits: ImportLimits
        var stopped: (XMLStop, Int, Int, String)?
        var error: (line: Int, column: Int)?
        var closedRoot = false
        private var names: [String] = []
        private var elements = 0

        init(handler: Handler, limits: ImportLimits) {
            self.handler = handler
            self.limits = limits
        }

        private func stop(_ parser: XMLParser, _ reason: XMLStop) {
            guard stopped == nil else { return }
            stopped = (reason, parser.lineNumber, parser.columnNumber, "/" + names.joined(separator: "/"))
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            guard stopped == nil else { return }
            elements += 1
            if names.count >= limits.xmlDepth {
                return stop(parser, XMLStop(problem: .structure(.nestedTooDeep(limit: limits.xmlDepth))))
            }
            if elements > limits.xmlElements {
                return stop(parser, XMLStop(problem: .structure(.tooManyElements(limit: limits.xmlElements))))
            }
            names.append(elementName)
            handler.located(line: parser.lineNumber, column: parser.columnNumber)
            do { try handler.start(elementName, attributes: attributeDict) } catch { stop(parser, error) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard stopped == nil else { return }
            do { try handler.characters(string) } catch { stop(parser, error) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard stopped == nil else { return }
            do { try handler.end(elementName) } catch { return stop(parser, error) }
            names.removeLast()
            if names.isEmpty { closedRoot = true }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil { error = (parser.lineNumber, parser.columnNumber) }
        }
    }
}
