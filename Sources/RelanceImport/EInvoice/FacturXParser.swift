import RelanceCore

/// Reads a Factur-X / ZUGFeRD 2 PDF: finds the invoice XML embedded in the PDF (usually
/// `factur-x.xml`, a Flate-compressed embedded-file stream) and reads it as CII.
///
/// The PDF is not parsed as a whole: each `stream … endstream` is looked at, and the first one
/// that is an invoice XML is taken. That finds the attachment whatever the object layout
/// (incremental updates, object streams). To stay cheap whatever the PDF holds, only the first
/// kilobytes of a stream are inflated to see what it is (images are skipped unopened), only the
/// invoice is inflated whole, and everything inflated counts against `ImportLimits.inflatedBytes`.
public struct FacturXParser: Sendable {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    /// How much of a stream is inflated to recognise an invoice XML by its root element.
    static let peekBytes = 8 * 1024

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let invoice = try read(bytes, fileName: fileName)
        var parsed = try EInvoiceParser(limits: limits).parse(invoice.xml, fileName: fileName)
        parsed.kind = .facturX
        return parsed
    }

    /// The embedded XML and its business terms.
    public func read(_ bytes: [UInt8], fileName: String) throws(ImportError) -> (xml: [UInt8], invoice: EInvoice) {
        var inflated = 0
        for stream in PDFStreams(bytes: bytes) where !stream.isImage {
            guard let head = stream.head(Self.peekBytes) else { continue }
            inflated += head.count
            guard inflated <= limits.inflatedBytes else { throw tooLarge(fileName) }
            guard let root = ImportParser.xmlRoot(head), ["CrossIndustryInvoice", "Invoice", "CreditNote"].contains(root) else { continue }
            let data: [UInt8]
            do {
                data = try stream.decoded(limit: limits.inflatedBytes - inflated)
            } catch .tooLarge {
                throw tooLarge(fileName)
            } catch {
                continue
            }
            return (data, try EInvoiceParser(limits: limits).read(data, fileName: fileName))
        }
        throw ImportError(.unsupported, at: SourcePosition(file: fileName),
                          .eInvoice(.pdfWithoutInvoice))
    }

    private func tooLarge(_ fileName: String) -> ImportError {
        ImportLimits.refusal(at: SourcePosition(file: fileName), .pdfInflatedTooLarge(limitBytes: limits.inflatedBytes))
    }
}

/// The streams of a PDF, found by their `stream` / `endstream` keywords.
struct PDFStreams: Sequence, IteratorProtocol {
    struct Stream {
        var dictionary: String
        var data: ArraySlice<UInt8>

        var isFlate: Bool { dictionary.contains("/FlateDecode") || dictionary.contains("/Fl ") || dictionary.contains("/Fl]") }
        /// Streams we cannot decode: another filter, or Flate with a predictor.
        var isReadable: Bool {
            isFlate ? !(dictionary.contains("/DecodeParms") && dictionary.contains("/Predictor")) : !dictionary.contains("/Filter")
        }
        var isImage: Bool { dictionary.contains("/Image") }

        /// The first `count` bytes of the stream's content, or nil when it cannot be decoded.
        func head(_ count: Int) -> [UInt8]? {
            guard isReadable else { return nil }
            return isFlate ? Inflate.zlibPrefix(data, count: count) : Array(data.prefix(count))
        }

        /// The stream's bytes, inflated when Flate-encoded, stopping past `limit` bytes.
        func decoded(limit: Int) throws(Inflate.Failure) -> [UInt8] {
            guard isFlate else {
                guard data.count <= limit else { throw .tooLarge(limit: limit) }
                return Array(data)
            }
            return try Inflate.zlib(data, limit: limit)
        }
    }

    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Stream? {
        let keyword = Array("stream".utf8)
        let end = Array("endstream".utf8)
        while let found = find(keyword, from: index) {
            let previousEnd = index
            index = found + keyword.count
            // Skip `endstream` itself.
            if found >= 3, bytes[(found - 3)..<found].elementsEqual("end".utf8) { continue }
            var start = index
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            let dictionary = self.dictionary(before: found, notBefore: previousEnd)
            var stop: Int
            if let length = directLength(dictionary), length <= bytes.count - start {
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

    /// The text between the object's `obj` keyword and `stream` (at most 4 KB back, and never
    /// before the previous stream's end: each byte is looked at once, however many streams).
    private func dictionary(before position: Int, notBefore previousEnd: Int) -> String {
        let lower = Swift.max(previousEnd, position - 4096, 0)
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
