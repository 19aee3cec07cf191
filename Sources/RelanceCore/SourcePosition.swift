/// Where in an input file something was found, for error messages a person can act on:
/// `open-invoices.csv:12:4`. Lines and columns count from 1; an XML input uses `path`.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// An XPath-like location for XML inputs, such as `/Invoice/cac:LegalMonetaryTotal`.
    public var path: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let cell = spreadsheetCell { text += " (cell \(cell))" }
        if let path { text += " at \(path)" }
        return text
    }

    /// Where, as a person of `language` reads it. English keeps the compiler-like
    /// `a.csv:3:4 (cell D3) at /path` (the log's, and what scripts grep); French says it:
    /// `a.csv, ligne 3, caractère 4`, `a.xlsx, cellule D3`, `a.xml, chemin /Invoice/…`. A text
    /// file's column counts characters: « colonne 60 » read beside « dans la colonne « amount » »
    /// named two different things.
    public func text(in language: Language) -> String {
        guard language == .french else { return description }
        var parts = file.isEmpty ? [] : [file]
        if let cell = spreadsheetCell {
            parts.append("cellule \(cell)")
        } else {
            if let line { parts.append("ligne \(line)") }
            if let column { parts.append("caractère \(column)") }
        }
        if let path { parts.append("chemin \(path)") }
        return parts.joined(separator: ", ")
    }

    /// `C12` for row 12, column 3 of a workbook: what the accountant looks for in Excel. The
    /// XLSX reader numbers rows and columns as the sheet does, gaps included.
    public var spreadsheetCell: String? {
        guard file.lowercased().hasSuffix(".xlsx"), let line, let column, column > 0 else { return nil }
        var letters = ""
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return "\(letters)\(line)"
    }
}
