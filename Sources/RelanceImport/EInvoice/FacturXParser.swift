import RelanceCore

/// Reads a Factur-X / ZUGFeRD 2 PDF: finds the invoice XML embedded in the PDF (usually
/// `factur-x.xml`, a Flate-compressed embedded-file stream) and reads it as CII.
///
/// The PDF is not parsed as a whole: each `stream … endstream` is looked at, inflated if it is
/// Flate-encoded, and the first one that is an invoice XML is taken. That finds the attachment
/// whatever the object layout (incremental updates, object streams), at the cost of reading
/// streams that are not it, which is cheap for invoices of a few hundred kilobytes.
public struct FacturXParser: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let invoice = try read(bytes, fileName: fileName)
        var parsed = try EInvoiceParser().parse(invoice.xml, fileName: fileName)
        parsed.kind = .facturX
        return parsed
    }

    /// The embedded XML and its business terms.
    public func read(_ bytes: [UInt8], fileName: String) throws(ImportError) -> (xml: [UInt8], invoice: EInvoice) {
        for stream in PDFStreams(bytes: bytes) {
            guard let data = stream.decoded(), let root = ImportParser.xmlRoot(data),
                  ["CrossIndustryInvoice", "Invoice", "CreditNote"].contains(root)
            else { continue }
            return (data, try EInvoiceParser().read(data, fileName: fileName))
        }
        throw ImportError(.unsupported, at: SourcePosition(file: fileName),
                          "this PDF carries no Factur-X / ZUGFeRD 2 invoice XML (a plain PDF, or an encrypted one)",
                          hint: "Ask for the Factur-X version of the invoice, or drop its XML (CII or UBL) instead.")
    }
}

/// The streams of a PDF, found by their `stream` / `endstream` keywords.
struct PDFStreams: Sequence, IteratorProtocol {
    struct Stream {
        var dictionary: String
        var data: ArraySlice<UInt8>

        /// The stream's bytes, inflated when Flate-encoded; nil when another filter is used.
        func decoded() -> [UInt8]? {
            if dictionary.contains("/FlateDecode") || dictionary.contains("/Fl ") || dictionary.contains("/Fl]") {
                if dictionary.contains("/DecodeParms") && dictionary.contains("/Predictor") { return nil }
                return try? Inflate.zlib(data, limit: 64 * 1024 * 1024)
            }
            return dictionary.contains("/Filter") ? nil : Array(data)
        }
    }

    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Stream? {
        let keyword = Array("stream".utf8)
        let end = Array("endstream".utf8)
        while let found = find(keyword, from: index) {
            index = found + keyword.count
            // Skip `endstream` itself.
            if found >= 3, bytes[(found - 3)..<found].elementsEqual("end".utf8) { continue }
            var start = index
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            let dictionary = self.dictionary(before: found)
            var stop: Int
            if let length = directLength(dictionary), start + length <= bytes.count {
                stop = start + length
            } else if let endIndex = find(end, from: start) {
                stop = endIndex
                while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x0D { stop -= 1 }
            } else {
                return nil
            }
            index = stop
            return Stream(dictionary: dictionary, data: bytes[start..<stop])
        }
        return nil
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The text between the object's `obj` keyword and `stream` (at most 4 KB back).
    private func dictionary(before position: Int) -> String {
        let lower = Swift.max(0, position - 4096)
        var start = lower
        var i = position - 3
        while i >= lower {
            if bytes[i] == UInt8(ascii: "o"), bytes[i + 1] == UInt8(ascii: "b"), bytes[i + 2] == UInt8(ascii: "j") { start = i + 3; break }
            i -= 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `/Length 1234` when written directly (an indirect `/Length 12 0 R` is not followed).
    private func directLength(_ dictionary: String) -> Int? {
        guard let range = dictionary.firstRange(of: "/Length") else { return nil }
        let rest = dictionary[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }
        let number = rest.prefix { $0.isASCIIDigit }
        let after = rest.dropFirst(number.count).drop { $0 == " " }
        if let next = after.first, next.isASCIIDigit { return nil } // `12 0 R`
        return Int(number)
    }
}
