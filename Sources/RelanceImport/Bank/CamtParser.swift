import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RelanceCore

/// ISO 20022 bank-to-customer statements (`camt.053`), debit/credit notifications (`camt.054`)
/// and account reports (`camt.052`), every version (001.02 to 001.13), whatever the namespace
/// prefix. Read as a stream: each `Ntry` is gathered, turned into entries and dropped, so a
/// statement of 100,000 entries needs the memory of one. Bounded: element depth, the size of
/// one entry and of one text.
struct CamtParser {
    static let maximumDepth = 40
    static let maximumElementsPerEntry = 200_000
    static let maximumTextCharacters = 64 * 1024

    struct Result {
        var statement: BankStatement
        var warnings: [String]
    }

    /// The message's local root child: `BkToCstmrStmt`, `BkToCstmrDbtCdtNtfctn` or `BkToCstmrAcctRpt`.
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        guard ImportParser.xmlRoot(bytes) == "Document" else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.contains("BkToCstmrStmt") || head.contains("BkToCstmrDbtCdtNtfctn") || head.contains("BkToCstmrAcctRpt")
    }

    func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> Result {
        let parser = XMLParser(data: Data(try XMLInput.utf8(bytes, file: fileName)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let collector = CamtCollector(file: fileName)
        parser.delegate = collector
        let succeeded = parser.parse()
        if let failure = collector.failure { throw failure }
        if !succeeded || collector.syntaxError != nil || !collector.closedRoot {
            let (line, column) = collector.syntaxError ?? (parser.lineNumber, parser.columnNumber)
            throw ImportError(.badXML, at: SourcePosition(file: fileName, line: line, column: column, path: collector.location),
                              collector.closedRoot ? "the XML cannot be read (malformed XML)" : "the document ends before its root element is closed",
                              hint: "Download the statement again from the bank: the file is damaged or was cut short.")
        }
        guard let format = collector.format else {
            throw ImportError(.unsupported, at: SourcePosition(file: fileName, path: "/Document"),
                              "this ISO 20022 document is not a bank statement (camt.052, camt.053 or camt.054)",
                              hint: "Download the account statement (camt.053) or the credit notifications (camt.054) from the bank.")
        }
        var warnings = collector.warnings
        if collector.skippedUnbooked > 0 {
            warnings.append("\(collector.skippedUnbooked) entries not yet booked (status other than BOOK) were left out; they will be read from the statement that books them")
        }
        return Result(statement: BankStatement(format: format, entries: collector.entries), warnings: warnings)
    }
}

/// The SAX side of `CamtParser`: follows the path, keeps the current account, builds one
/// `Ntry` at a time.
private final class CamtCollector: NSObject, XMLParserDelegate {
    let file: String
    var format: BankStatement.Format?
    var entries: [BankEntry] = []
    var warnings: [String] = []
    var failure: ImportError?
    var syntaxError: (Int, Int)?
    var closedRoot = false
    var skippedUnbooked = 0

    private var path: [String] = []
    private var counts: [[String: Int]] = [[:]]
    private var indexes: [Int] = []
    private var account: String?
    private var accountText = ""
    private var nodes: [CamtNode] = []
    private var entryElements = 0
    private var entryLine = 0

    init(file: String) { self.file = file }

    /// `/Document/BkToCstmrStmt/Stmt[2]/Ntry[5]/Amt`: where a person finds the element.
    var location: String {
        zip(path, indexes).map { $1 > 1 ? "\($0)[\($1)]" : $0 }.reduce("") { $0 + "/" + $1 }
    }

    private var inEntry: Bool { !nodes.isEmpty }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let index = (counts[counts.count - 1][name] ?? 0) + 1
        counts[counts.count - 1][name] = index
        path.append(name)
        indexes.append(index)
        counts.append([:])
        guard path.count <= CamtParser.maximumDepth else {
            fail(parser, "elements are nested more than \(CamtParser.maximumDepth) deep; no camt message is")
            return
        }
        if path.count == 1, let namespaceURI { checkVersion(namespaceURI) }
        if path.count == 2 {
            switch name {
            case "BkToCstmrStmt": format = .camt053
            case "BkToCstmrDbtCdtNtfctn": format = .camt054
            case "BkToCstmrAcctRpt": format = .camt053
            default: break
            }
        }
        if path.count == 3 { account = nil }
        if inEntry {
            entryElements += 1
            guard entryElements <= CamtParser.maximumElementsPerEntry else {
                fail(parser, "one entry holds more than \(CamtParser.maximumElementsPerEntry) elements")
                return
            }
            nodes.append(CamtNode(name: name, attributes: attributeDict))
        } else if path.count == 4, name == "Ntry" {
            entryElements = 1
            entryLine = parser.lineNumber
            nodes = [CamtNode(name: name, attributes: attributeDict)]
        }
        accountText = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inEntry {
            guard nodes[nodes.count - 1].text.utf8.count + string.utf8.count <= CamtParser.maximumTextCharacters else {
                fail(parser, "an element's text is longer than \(CamtParser.maximumTextCharacters) bytes")
                return
            }
            nodes[nodes.count - 1].text += string
        } else if path.count >= 5, path[3] == "Acct", accountText.utf8.count < 256 {
            accountText += string
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if inEntry {
            let node = nodes.removeLast()
            if nodes.isEmpty {
                finish(entry: node, parser: parser)
            } else {
                nodes[nodes.count - 1].children.append(node)
            }
        } else if path.count >= 5, path[3] == "Acct", path[4] == "Id" {
            // Acct/Id/IBAN, or Acct/Id/Othr/Id for accounts without an IBAN.
            let last = path[path.count - 1]
            if last == "IBAN" || (last == "Id" && path.count == 7 && path[5] == "Othr"), let text = BankText.clean(accountText), account == nil {
                account = BankText.iban(text) ?? text
            }
        }
        path.removeLast()
        indexes.removeLast()
        counts.removeLast()
        if path.isEmpty { closedRoot = true }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if syntaxError == nil { syntaxError = (parser.lineNumber, parser.columnNumber) }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard failure == nil else { return }
        failure = ImportError(.unsupported, at: SourcePosition(file: file, line: parser.lineNumber, column: parser.columnNumber, path: location),
                              message, hint: "This is not a statement as banks send them; download it again from the bank.")
        parser.abortParsing()
    }

    private func checkVersion(_ namespace: String) {
        // urn:iso:std:iso:20022:tech:xsd:camt.053.001.08
        guard let range = namespace.range(of: "camt.") else { return }
        let parts = namespace[range.upperBound...].split(separator: ".")
        if parts.count == 3, let version = Int(parts[2]), !(2...13).contains(version) {
            warnings.append("camt.\(parts[0]) version 001.\(parts[2]) is not one Relance was tested on (001.02 to 001.13); its entries were read the same way")
        }
    }

    private func finish(entry node: CamtNode, parser: XMLParser) {
        let where_ = location
        do {
            let made = try CamtEntryReader(file: file, path: where_, line: entryLine, account: account ?? "unknown").entries(of: node)
            switch made {
            case .unbooked: skippedUnbooked += 1
            case .entries(let list, let warning):
                entries += list
                if let warning { warnings.append(warning) }
            }
        } catch {
            failure = error
            parser.abortParsing()
        }
    }
}
