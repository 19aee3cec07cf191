@testable import RelanceImport
import RelanceTesting
import Testing

/// The camt reader runs on `BoundedXMLReader`: each hostile shape is refused while it is read,
/// with the limit it passes named, where (line, XML path) and what to do.
@Suite("camt statements: refused at a named limit")
struct CamtLimitTests {
    static func refusal(_ bytes: [UInt8], limits: ImportLimits = .standard) throws -> ImportError {
        try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: bytes, fileName: "statement.xml", options: ImportOptions(limits: limits))
        }
    }

    @Test("an entry nested 100,000 deep is refused at the nesting-depth limit, with its path and line")
    func nested() throws {
        let error = try Self.refusal(HostileBankStatements.nested())
        #expect(error.code == .overLimit)
        #expect(error.message.contains("nested more than 64 deep (the nesting-depth limit)"))
        #expect(error.position.path?.hasPrefix("/Document/BkToCstmrStmt/Stmt/Ntry/AddtlNtryInf/X/X") == true)
        #expect(error.position.line == 3)
        #expect(error.hint?.contains("original file") == true)
    }

    @Test("a 16 MB remittance text is refused at the text limit, naming the element")
    func hugeText() throws {
        let error = try Self.refusal(HostileBankStatements.hugeText())
        #expect(error.code == .overLimit)
        #expect(error.message.contains("longer than 64 KB (the text limit of a statement element)"))
        #expect(error.position.path == "/Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls/RmtInf/Ustrd")
        #expect(error.position.line == 3)
        #expect(error.hint?.contains("download it again") == true)
    }

    @Test("an entry of 300,000 transactions is refused at the entry-size limit")
    func fatEntry() throws {
        let error = try Self.refusal(HostileBankStatements.fatEntry())
        #expect(error.code == .overLimit)
        #expect(error.message.contains("(the entry-size limit)"))
        #expect(error.position.path?.hasPrefix("/Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls[") == true)
    }

    @Test("a statement over the statement's element limit is refused; under it, every entry is read")
    func statementElements() throws {
        let statement = HostileBankStatements.manyEntries(100)
        let error = try Self.refusal(statement, limits: ImportLimits(statementElements: 500))
        #expect(error.code == .overLimit)
        #expect(error.message.contains("more than 500 XML elements (the element limit)"))
        // The invoice limit (1,000,000 elements by default) does not apply to statements.
        let parsed = try ImportParser.parse(bytes: statement, fileName: "s.xml", options: ImportOptions(limits: ImportLimits(xmlElements: 500)))
        #expect(parsed.bankStatement?.entries.count == 100)
    }

    @Test("a document type declaration is refused before anything is read")
    func doctype() throws {
        let bytes = Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY a \"aaaa\">]>\n"
                           + String(decoding: HostileBankStatements.manyEntries(1), as: UTF8.self).split(separator: "\n", maxSplits: 1)[1]).utf8)
        let error = try Self.refusal(bytes)
        #expect(error.code == .unsupported)
        #expect(error.message.contains("document type declaration"))
    }
}
