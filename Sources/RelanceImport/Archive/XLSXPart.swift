import RelanceCore

/// Reads one XML part of a workbook with `ByteXMLScanner` under the limits, or refuses the part
/// naming it: over a limit, with the cell or element path; not well-formed, with its line.
enum XLSXPart {
    static func read<Handler: ByteXMLHandler>(_ handler: Handler, on bytes: [UInt8], file: String, part: String,
                                              limits: ImportLimits) throws(ImportError) -> Handler {
        let utf8 = try XMLInput.utf8(bytes, file: file)
        if XMLInput.declaresDoctype(utf8) { throw BoundedXMLReader.doctypeRefusal(file: file, part: part) }
        var handler = handler
        do throws(ByteXMLScanner.Failure) {
            // A part is streamed, not kept element by element: its cells are what costs memory,
            // and the cell limit counts them. A million cells take two to three million elements.
            try ByteXMLScanner.scan(utf8, maxDepth: limits.xmlDepth, maxElements: limits.xmlElements * 8, into: &handler)
        } catch {
            switch error {
            case .stop(let stop, let path, _):
                throw ImportError(stop.code, at: stop.position ?? SourcePosition(file: file, path: part + " " + path), stop.problem)
            case .malformed(let position, _):
                throw ImportError(.badXML, at: SourcePosition(file: file, path: part),
                                  .structure(.partNotWellFormed(part: part, line: position.line)))
            }
        }
        return handler
    }

    /// A cell's text over the limit: where, and what to do.
    static func cellTooLong(_ limits: ImportLimits, at position: SourcePosition) -> XMLStop {
        XMLStop(problem: .structure(.cellTooLong(limit: limits.cellCharacters)), position: position)
    }

    /// UTF-16 code units in UTF-8 text, as the cell-length limit counts them (Excel's unit).
    @inline(__always)
    static func utf16Count(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in text {
            if byte & 0xC0 != 0x80 { count += 1 }
            if byte >= 0xF0 { count += 1 }
        }
        return count
    }
}
