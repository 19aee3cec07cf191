extension EnglishImportWording {
    func words(for problem: StructureProblem) -> (what: String, toDo: String?) {
        let grouped = ImportLimits.grouped
        let saveAgain = "Save the workbook again from Excel or LibreOffice as .xlsx."
        let bigWorkbook = "A report of that size is better exported as CSV, or split into several workbooks."
        let notAsBanksSend = "This is not a statement as banks send them; download it again from the bank."
        switch problem {
        case .zipCorrupt(let damage):
            let what = switch damage {
            case .tableOfContentsMissing: "its table of contents is missing (truncated file?)"
            case .tableOfContentsDamaged: "its table of contents is damaged"
            case .partDamaged(let part): "the part \(part) is damaged"
            case .partTruncated(let part): "the part \(part) is truncated"
            case .partUndecompressable(let part, let detail): "the part \(part) cannot be decompressed (\(detail))"
            }
            return ("this ZIP (XLSX) file cannot be read: \(what)", "Save the workbook again as .xlsx, or export it as CSV.")
        case .zipCompression(let part, let method):
            return ("the part \(part) uses ZIP compression method \(method)", saveAgain)
        case .workbookInflatedTooLarge(let limit, let part, let declared):
            return ("the workbook decompresses to more than \(ImportLimits.describe(bytes: limit)) (the inflated-size limit)"
                        + (declared ? ", by its own table of contents" : ", and inflating \(part) was stopped there"),
                    "A report of that size is better exported as CSV (the CSV reader has no such limit), or split into several workbooks.")
        case .pdfInflatedTooLarge(let limit):
            return ("the PDF's streams decompress to more than \(ImportLimits.describe(bytes: limit)) together (the inflated-size limit) before its invoice XML is read",
                    "Ask for the Factur-X invoice as the invoicing software issued it, or drop its XML (CII or UBL) instead.")
        case .missingWorksheet(let path):
            return ("the workbook has no worksheet \(path)", "Save the workbook again as .xlsx, or export it as CSV.")
        case .partNotWellFormed(let part, let line):
            return ("the workbook part \(part) is not well-formed XML (line \(line) of the part)", saveAgain)
        case .tooManySharedStrings(let limit):
            return ("the workbook lists more than \(grouped(limit)) shared strings (the cell limit)", bigWorkbook)
        case .tooManyWorkbookCells(let limit):
            return ("the workbook has more than \(grouped(limit)) cells (the cell limit, every sheet together, empty cells within a row included)", bigWorkbook)
        case .cellBeyondXFD:
            return ("a cell lies beyond column XFD, the last one Excel has",
                    "Excel cannot have written this sheet: save the workbook again from Excel or LibreOffice.")
        case .cellTooLong(let limit):
            return ("a cell holds more than \(grouped(limit)) characters (the cell-length limit, Excel's own)",
                    "Excel cannot have written this cell: save the workbook again from Excel or LibreOffice, or export it as CSV.")
        case .doctype:
            return ("the XML carries a document type declaration (<!DOCTYPE …>), which Relance does not read",
                    "E-invoices, bank statements and workbook parts never need one: ask the sender for the file as their software exports it.")
        case .nestedTooDeep(let limit):
            return ("elements are nested more than \(limit) deep (the nesting-depth limit); a real invoice, bank statement or workbook nests about 10 to 15",
                    "This is not an export as accounting software writes it: ask the sender for the original file.")
        case .tooManyElements(let limit):
            return ("the document has more than \(grouped(limit)) XML elements (the element limit)", "Split the file into smaller ones, or export the report as CSV.")
        case .statementEntryTooLarge(let limit):
            return ("one entry holds more than \(grouped(limit)) elements (the entry-size limit); a batch of 5,000 transfers holds about 200,000", notAsBanksSend)
        case .statementTextTooLong(let kilobytes):
            return ("an element's text is longer than \(kilobytes) KB (the text limit of a statement element); a remittance line holds 140 characters", notAsBanksSend)
        }
    }
}
