import RelanceCore

/// ISO 20022 bank-to-customer statements (`camt.053`), debit/credit notifications (`camt.054`)
/// and account reports (`camt.052`), every version (001.02 to 001.13), whatever the namespace
/// prefix. Read as a stream through `BoundedXMLReader` (no DTD, nesting depth from
/// `ImportLimits.xmlDepth`, elements from `ImportLimits.statementElements`): each `Ntry` is
/// gathered, turned into entries and dropped, so a statement of 100,000 entries needs the memory
/// of one. The size of one entry and of one text are bounded here.
struct CamtParser {
    /// Elements in one `Ntry`: a batch of 5,000 transactions of 40 elements each fits.
    static let maximumElementsPerEntry = 200_000
    /// Bytes of text in one element: a remittance line is 140 characters, an address 70.
    static let maximumTextBytes = 64 * 1024

    var limits: ImportLimits = .standard

    struct Result {
        var statement: BankStatement
        var warnings: [ImportWarning]
    }

    /// The message's local root child: `BkToCstmrStmt`, `BkToCstmrDbtCdtNtfctn` or `BkToCstmrAcctRpt`.
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        guard ImportParser.xmlRoot(bytes) == "Document" else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.contains("BkToCstmrStmt") || head.contains("BkToCstmrDbtCdtNtfctn") || head.contains("BkToCstmrAcctRpt")
    }

    func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> Result {
        let collector = CamtCollector(file: fileName)
        var bounded = limits
        bounded.xmlElements = limits.statementElements
        let malformed: BoundedXMLReader.Malformation?
        do {
            malformed = try BoundedXMLReader.read(bytes, file: fileName, processNamespaces: true, limits: bounded, into: collector)
        } catch {
            // An entry the reader could not turn into entries stops the parse with its own error.
            throw collector.failure ?? error
        }
        if let malformed {
            throw ImportError(.badXML, at: SourcePosition(file: fileName, line: malformed.line, column: malformed.column, path: collector.location),
                              .bank(.camtMalformed(truncated: malformed.truncated)))
        }
        guard let format = collector.format else {
            throw ImportError(.unsupported, at: SourcePosition(file: fileName, path: "/Document"),
                              .bank(.camtNotAStatement))
        }
        var warnings = collector.warnings
        if let version = Self.untestedVersion(bytes) { warnings.insert(ImportWarning(.bank(version)), at: 0) }
        if collector.skippedUnbooked > 0 {
            warnings.append(ImportWarning(.bank(.camtUnbookedLeftOut(count: collector.skippedUnbooked))))
        }
        return Result(statement: BankStatement(format: format, entries: collector.entries), warnings: warnings)
    }

    /// The namespace names the version (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`), with
    /// or without a prefix; a version outside those tested is read the same way, with a warning.
    static func untestedVersion(_ bytes: [UInt8]) -> BankNote? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let range = head.range(of: "iso:20022:tech:xsd:camt.") else { return nil }
        let parts = head[range.upperBound...].prefix(16).split(whereSeparator: { !$0.isNumber && $0 != "." }).first?.split(separator: ".") ?? []
        guard parts.count == 3, let version = Int(parts[2]), !(2...13).contains(version) else { return nil }
        return .camtUntestedVersion(kind: String(parts[0]), version: String(parts[2]))
    }
}

/// The event side of `CamtParser`: follows the path, keeps the current account, builds one
/// `Ntry` at a time.
private final class CamtCollector: XMLEventHandler {
    let file: String
    var format: BankStatement.Format?
    var entries: [BankEntry] = []
    var warnings: [ImportWarning] = []
    /// The error of an entry that could not be read; the parse is stopped to report it.
    var failure: ImportError?
    var skippedUnbooked = 0

    private var path: [String] = []
    private var counts: [[String: Int]] = [[:]]
    private var indexes: [Int] = []
    private var account: String?
    private var accountText = ""
    private var nodes: [CamtNode] = []
    private var entryElements = 0
    private var entryLine = 0
    private var line = 0
    private var column = 0

    init(file: String) { self.file = file }

    /// `/Document/BkToCstmrStmt/Stmt[2]/Ntry[5]/Amt`: where a person finds the element.
    var location: String {
        zip(path, indexes).map { $1 > 1 ? "\($0)[\($1)]" : $0 }.reduce("") { $0 + "/" + $1 }
    }

    private var inEntry: Bool { !nodes.isEmpty }

    func located(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    func start(_ elementName: String, attributes: [String: String]) throws(XMLStop) {
        let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let index = (counts[counts.count - 1][name] ?? 0) + 1
        counts[counts.count - 1][name] = index
        path.append(name)
        indexes.append(index)
        counts.append([:])
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
                throw stop(.statementEntryTooLarge(limit: CamtParser.maximumElementsPerEntry))
            }
            nodes.append(CamtNode(name: name, attributes: attributes))
        } else if path.count == 4, name == "Ntry" {
            entryElements = 1
            entryLine = line
            nodes = [CamtNode(name: name, attributes: attributes)]
        }
        accountText = ""
    }

    func characters(_ string: String) throws(XMLStop) {
        if inEntry {
            guard nodes[nodes.count - 1].text.utf8.count + string.utf8.count <= CamtParser.maximumTextBytes else {
                throw stop(.statementTextTooLong(kilobytes: CamtParser.maximumTextBytes / 1024))
            }
            nodes[nodes.count - 1].text += string
        } else if path.count >= 5, path[3] == "Acct", accountText.utf8.count < 256 {
            accountText += string
        }
    }

    func end(_ elementName: String) throws(XMLStop) {
        if inEntry {
            let node = nodes.removeLast()
            if nodes.isEmpty {
                try finish(entry: node)
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
    }

    private func stop(_ problem: StructureProblem) -> XMLStop {
        XMLStop(problem: .structure(problem), position: SourcePosition(file: file, line: line, column: column, path: location))
    }

    private func finish(entry node: CamtNode) throws(XMLStop) {
        do {
            let made = try CamtEntryReader(file: file, path: location, line: entryLine, account: account ?? "unknown").entries(of: node)
            switch made {
            case .unbooked: skippedUnbooked += 1
            case .entries(let list, let warning):
                entries += list
                if let warning { warnings.append(warning) }
            }
        } catch {
            failure = error
            throw XMLStop(problem: error.problem, code: error.code, position: error.position)
        }
    }
}
