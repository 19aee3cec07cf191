/// Why a file's structure was refused — a workbook's ZIP and XML parts, an XML document, or one
/// of the `ImportLimits` — with the values its sentence needs (see `ImportProblem.structure`).
public enum StructureProblem: Sendable, Hashable {
    /// What is wrong with a ZIP (XLSX) file that cannot be read.
    public enum ZipDamage: Sendable, Hashable {
        case tableOfContentsMissing
        case tableOfContentsDamaged
        case partDamaged(String)
        case partTruncated(String)
        case partUndecompressable(String, detail: String)
    }

    case zipCorrupt(ZipDamage)
    case zipCompression(part: String, method: Int)
    case workbookInflatedTooLarge(limitBytes: Int, part: String, declared: Bool)
    case pdfInflatedTooLarge(limitBytes: Int)
    case missingWorksheet(path: String)
    case partNotWellFormed(part: String, line: Int)
    case tooManySharedStrings(limit: Int)
    case tooManyWorkbookCells(limit: Int)
    case cellBeyondXFD
    case cellTooLong(limit: Int)
    case doctype
    case nestedTooDeep(limit: Int)
    case tooManyElements(limit: Int)
    case statementEntryTooLarge(limit: Int)
    case statementTextTooLong(kilobytes: Int)
}
