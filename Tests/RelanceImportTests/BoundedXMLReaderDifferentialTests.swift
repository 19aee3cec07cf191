@testable import RelanceImport
import RelanceTesting
import Testing

/// `BoundedXMLReader` left Foundation's `XMLParser` for `ByteXMLScanner`: on every XML document
/// of the fixtures (UBL, CII, camt.053/054, the XML-shaped test files) the events it reports
/// are the ones libxml2 reported, and what libxml2 refused it refuses.
@Suite("BoundedXMLReader: the same events as Foundation's XMLParser")
struct BoundedXMLReaderDifferentialTests {
    static let folders = ["einvoices/ubl", "einvoices/cii", "bank", "xml"]

    static func documents() throws -> [String] {
        try folders.flatMap { folder in try Fixture.names(in: folder).filter { $0.hasSuffix(".xml") }.map { "\(folder)/\($0)" } }
    }

    @Test("every XML fixture reads to the same elements, attributes and texts")
    func sameEvents() throws {
        let paths = try Self.documents()
        #expect(paths.count >= 35)
        var compared = 0
        for path in paths {
            let bytes = try Fixture.bytes(path)
            guard !XMLInput.declaresDoctype(try XMLInput.utf8(bytes, file: path)) else { continue }
            let reference = EventRecorder(), recorder = EventRecorder()
            let ending = try FoundationXMLReference.read(bytes, file: path, processNamespaces: true, limits: .standard, into: reference)
            let malformed = try BoundedXMLReader.read(bytes, file: path, processNamespaces: true, limits: .standard, into: recorder)
            #expect((malformed == nil) == ending.succeeded, "\(path): well-formed by one reader only")
            if malformed == nil, ending.succeeded {
                #expect(recorder.events == reference.events, "\(path)")
                // libxml2 names the line where a start tag ends, the scanner the line where it begins
                // (a root element's namespaces often take several lines): never later.
                let lines = recorder.locations.map { Int($0.split(separator: ":")[0])! }
                let referenceLines = reference.locations.map { Int($0.split(separator: ":")[0])! }
                #expect(lines.count == referenceLines.count && zip(lines, referenceLines).allSatisfy { $0 <= $1 },
                        "\(path): a start tag located after the line libxml2 names")
                compared += 1
            }
        }
        #expect(compared >= 30)
    }

    @Test("a malformed document is refused at the line libxml2 names")
    func malformedLine() throws {
        let recorder = EventRecorder()
        let malformed = try #require(try BoundedXMLReader.read(try Fixture.bytes("xml/malformed.xml"), file: "m.xml",
                                                               processNamespaces: true, limits: .standard, into: recorder))
        #expect(malformed.line == 5)
        #expect(!malformed.truncated)
    }

    @Test("a document cut short is said to end before its root is closed, at its last line")
    func truncated() throws {
        let whole = try Fixture.bytes("einvoices/ubl/" + (try Fixture.names(in: "einvoices/ubl").first { $0.hasSuffix(".xml") }!))
        let cut = Array(whole.prefix(whole.count / 2))
        let malformed = try #require(try BoundedXMLReader.read(cut, file: "cut.xml", processNamespaces: true, limits: .standard,
                                                               into: EventRecorder()))
        #expect(malformed.truncated)
        #expect(malformed.line == cut.split(separator: 0x0A, omittingEmptySubsequences: false).count)
    }

    @Test("each start tag is located at its line and column, counted in characters")
    func located() throws {
        let recorder = EventRecorder()
        _ = try BoundedXMLReader.read(Array("<a>\n  <é/><b\n x='1'/>\r\n\t<c/></a>".utf8), file: "l.xml", processNamespaces: true,
                                      limits: .standard, into: recorder)
        #expect(recorder.locations == ["1:1", "2:3", "2:7", "4:2"])
    }

    /// Prefixes dropped from names as `shouldProcessNamespaces` does; attributes compared without
    /// namespace declarations (libxml2 keeps them apart) and by local name; texts joined.
    final class EventRecorder: XMLEventHandler {
        var events: [String] = []
        var locations: [String] = []
        private var text = ""

        func located(line: Int, column: Int) { locations.append("\(line):\(column)") }
        func start(_ name: String, attributes: [String: String]) {
            flush()
            events.append("<\(name) " + Self.normalised(attributes))
        }
        func characters(_ text: String) { self.text += text }
        func end(_ name: String) {
            flush()
            events.append("</\(name)")
        }
        func flush() {
            if !text.isEmpty { events.append("'" + text) }
            text = ""
        }

        static func normalised(_ attributes: [String: String]) -> String {
            attributes.filter { $0.key != "xmlns" && !$0.key.hasPrefix("xmlns:") }
                .map { ((($0.key.split(separator: ":").last).map(String.init) ?? $0.key), $0.value) }
                .sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
        }
    }
}
