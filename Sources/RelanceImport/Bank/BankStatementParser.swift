public import RelanceCore

/// Recognises a bank statement from its content and reads it with the right parser.
public enum BankStatementParser {
    public static func format(of bytes: [UInt8]) -> BankStatement.Format? {
        if CFONB120Parser.looksLike(bytes) { return .cfonb120 }
        if CamtParser.looksLike(bytes) { return .camt053 }
        if OFXParser.looksLike(bytes) { return .ofx }
        return nil
    }

    public static func parse(_ bytes: [UInt8], fileName: String, limits: ImportLimits = .standard) throws(ImportError) -> ParsedImport {
        let statement: BankStatement
        let warnings: [ImportWarning]
        switch format(of: bytes) {
        case .cfonb120:
            let result = try CFONB120Parser().parse(bytes, fileName: fileName)
            (statement, warnings) = (result.statement, result.warnings)
        case .camt053, .camt054:
            let result = try CamtParser(limits: limits).parse(bytes, fileName: fileName)
            (statement, warnings) = (result.statement, result.warnings)
        case .ofx:
            let result = try OFXParser().parse(bytes, fileName: fileName)
            (statement, warnings) = (result.statement, result.warnings)
        case nil:
            throw ImportError(.unknownFormat, at: SourcePosition(file: fileName), .bank(.notAStatement))
        }
        var parsed = ParsedImport(kind: .bankStatement, items: [], asOf: statement.entries.map(\.booked).max(), warnings: warnings)
        parsed.bankStatement = statement
        return parsed
    }
}
