import RelanceCore

/// Reads UBL 2.1 Invoice and CreditNote, and UN/CEFACT Cross Industry Invoice (CII, the
/// syntax inside Factur-X and ZUGFeRD), into the business terms reminders need.
public struct EInvoiceParser: Sendable {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let invoice = try read(bytes, fileName: fileName)
        var item = invoice.openItem
        item.source = SourcePosition(file: fileName)
        var warnings: [ImportWarning] = []
        if invoice.dueDate == nil, let due = item.due {
            warnings.append(ImportWarning(.eInvoice(.dueFromTerms(due: due, terms: invoice.paymentTermsText ?? ""))))
        }
        return ParsedImport(kind: invoice.syntax == .ubl ? .ublInvoice : .ciiInvoice, items: [item], warnings: warnings)
    }

    public func read(_ bytes: [UInt8], fileName: String) throws(ImportError) -> EInvoice {
        let xml = try XMLElementIndex.parse(bytes, file: fileName, limits: limits)
        switch xml.root {
        case "Invoice", "CreditNote": return try UBLReader(xml: xml, file: fileName).read()
        case "CrossIndustryInvoice": return try CIIReader(xml: xml, file: fileName).read()
        default:
            throw ImportError(.unknownFormat, at: SourcePosition(file: fileName, path: "/" + xml.root),
                              .eInvoice(.notAnInvoice(root: xml.root)))
        }
    }
}
