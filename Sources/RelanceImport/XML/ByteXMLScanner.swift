import RelanceCore

/// Receives the events of `ByteXMLScanner`. Names and texts are byte views valid only during
/// the call: a handler copies what it keeps. Texts are decoded (entities, character references,
/// CDATA, line ends normalised) and may come in several pieces.
protocol ByteXMLHandler {
    mutating func start(_ name: XMLByteName, attributes: XMLByteAttributes) throws(XMLStop)
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XMLStop)
    mutating func end(_ name: XMLByteName) throws(XMLStop)
    /// True for a handler that puts the line of what it reads into its results (a bank entry's
    /// line): the scanner then counts lines as it goes and calls `located` before each `start`.
    static var wantsLines: Bool { get }
    /// Where the start tag about to be reported begins (1-based line and column, in characters).
    mutating func located(line: Int, column: Int)
}

extension ByteXMLHandler {
    static var wantsLines: Bool { false }
    mutating func located(line: Int, column: Int) {}
}

/// An element's name as written (`x:c`) and its local part (`c`), so that a namespace prefix
/// some producers write does not hide a SpreadsheetML element.
struct XMLByteName {
    let qualified: UnsafeBufferPointer<UInt8>
    let local: UnsafeBufferPointer<UInt8>

    /// True when the local name is `name` (ASCII).
    @inline(__always)
    func isLocal(_ name: StaticString) -> Bool {
        guard local.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for index in 0..<local.count where local[index] != expected[index] { return false }
        return true
    }
}

/// A start tag's attributes, decoded only when asked for.
struct XMLByteAttributes {
    fileprivate let base: UnsafeBufferPointer<UInt8>
    fileprivate let spans: ArraySlice<ByteXMLScanner.AttributeSpan>

    /// The value of the attribute named exactly `name` (as written, prefix included), decoded.
    func value(_ name: StaticString) -> String? {
        for span in spans where span.nameCount == name.utf8CodeUnitCount {
            var same = true
            for index in 0..<span.nameCount where base[span.nameStart + index] != name.utf8Start[index] { same = false; break }
            guard same else { continue }
            let raw = UnsafeBufferPointer(rebasing: base[span.valueStart..<(span.valueStart + span.valueCount)])
            guard span.needsDecoding else { return String(decoding: raw, as: UTF8.self) }
            var decoded: [UInt8] = []
            // Checked when the tag was read: decoding cannot fail here.
            _ = ByteXMLScanner.decode(raw, attribute: true, into: &decoded)
            return String(decoding: decoded, as: UTF8.self)
        }
        return nil
    }

    /// Every attribute by its name as written (`xsi:schemaLocation`), its value decoded.
    func all() -> [String: String] {
        var result: [String: String] = [:]
        for span in spans {
            let name = String(decoding: UnsafeBufferPointer(rebasing: base[span.nameStart..<(span.nameStart + span.nameCount)]), as: UTF8.self)
            let raw = UnsafeBufferPointer(rebasing: base[span.valueStart..<(span.valueStart + span.valueCount)])
            if span.needsDecoding {
                var decoded: [UInt8] = []
                _ = ByteXMLScanner.decode(raw, attribute: true, into: &decoded)
                result[name] = String(decoding: decoded, as: UTF8.self)
            } else {
                result[name] = String(decoding: raw, as: UTF8.self)
            }
        }
        return result
    }
}

/// A byte-level XML reader for every XML document Relance reads — workbook parts, e-invoices,
/// bank statements — instead of Foundation's `XMLParser`, which costs about 4 µs per element in
/// its delegate callbacks (a million-cell sheet, 8 s) and crashed on some mutated sheets: elements,
/// attributes, text, the five predefined entities, character references, CDATA, comments and
/// processing instructions. What it is not given is refused as not well-formed: a document type
/// (refused before, as by `BoundedXMLReader`), any other entity, a control character, a tag left
/// open or closed by another name, text outside the root. Nesting depth and element count are
/// checked at each start tag, as `BoundedXMLReader` does, and the handler may stop the read.
enum ByteXMLScanner {
    enum Failure: Error {
        /// A limit passed or a value refused; `path` is the element path at that point, `at` where
        /// the tag or text being read begins.
        case stop(XMLStop, path: String, at: Position)
        /// Not well-formed, at this place of the document; `truncated` when the document ends
        /// before its root element is closed (a file cut short).
        case malformed(at: Position, truncated: Bool)
    }

    /// A 1-based line and column (in characters, a tab counting one) of the document.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    struct AttributeSpan {
        var nameStart: Int, nameCount: Int
        var valueStart: Int, valueCount: Int
        var needsDecoding: Bool
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&"), slash = UInt8(ascii: "/")
    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Reads `bytes` (UTF-8, checked by the caller) into `handler` under the depth and element limits.
    static func scan<Handler: ByteXMLHandler>(_ bytes: [UInt8], maxDepth: Int, maxElements: Int,
                                              into handler: inout Handler) throws(Failure) {
        var failure: Failure?
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer: buffer, maxDepth: maxDepth, maxElements: maxElements)
            do throws(Failure) { try scanner.run(&handler) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        let maxElements: Int
        var i = 0
        /// The open elements' qualified names, as (start, count) in the buffer.
        var open: [(start: Int, count: Int)] = []
        var elements = 0
        var closedRoot = false
        var spans: [AttributeSpan] = []
        var scratch: [UInt8] = []
        /// Where the event being delivered begins (a tag's `<`, a text's first byte): the place of a stop.
        var eventStart = 0
        /// Lines counted up to `lineCursor` (only for handlers that want lines): forward only.
        var lineCursor = 0
        var lineNumber = 1
        var lineStart = 0
        /// Characters from `lineStart` to `lineCursor`.
        var lineColumn = 0

        init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxElements: Int) {
            b = buffer
            self.maxDepth = maxDepth
            self.maxElements = maxElements
        }

        func malformed(at offset: Int) -> Failure {
            .malformed(at: position(of: offset), truncated: offset >= b.count && !closedRoot)
        }

        func stopped(_ stop: XMLStop) -> Failure {
            .stop(stop, path: path(), at: position(of: eventStart))
        }

        /// The line and column of `offset`, counted from the start (for a failure: once).
        func position(of offset: Int) -> Position {
            var line = 1, start = 0
            ByteXMLScanner.countLines(b, from: 0, to: min(offset, b.count), line: &line, lineStart: &start)
            return Position(line: line, column: ByteXMLScanner.characters(b, from: start, to: min(offset, b.count)) + 1)
        }

        /// The line and column of `offset`, counted on from the last one asked (offsets only grow):
        /// linear in the document, even when it is one long line.
        mutating func advancePosition(to offset: Int) -> Position {
            let previousLineStart = lineStart
            ByteXMLScanner.countLines(b, from: lineCursor, to: offset, line: &lineNumber, lineStart: &lineStart)
            lineColumn = lineStart == previousLineStart
                ? lineColumn + ByteXMLScanner.characters(b, from: lineCursor, to: offset)
                : ByteXMLScanner.characters(b, from: lineStart, to: offset)
            lineCursor = offset
            return Position(line: lineNumber, column: lineColumn + 1)
        }

        func path() -> String {
            "/" + open.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0.start..<($0.start + $0.count)]), as: UTF8.self) }
                .joined(separator: "/")
        }

        func starts(with literal: StaticString, at offset: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard offset + count <= b.count else { return false }
            for index in 0..<count where b[offset + index] != literal.utf8Start[index] { return false }
            return true
        }

        /// The offset of `literal` at or after `offset`, or nil.
        func find(_ literal: StaticString, from offset: Int) -> Int? {
            let count = literal.utf8CodeUnitCount
            let first = literal.utf8Start[0]
            var index = offset
            while index + count <= b.count {
                if b[index] == first, starts(with: literal, at: index) { return index }
                index += 1
            }
            return nil
        }

        func name(at start: Int, _ count: Int) -> XMLByteName {
            let qualified = UnsafeBufferPointer(rebasing: b[start..<(start + count)])
            var colon = -1
            for index in 0..<count where qualified[index] == UInt8(ascii: ":") { colon = index }
            return XMLByteName(qualified: qualified, local: UnsafeBufferPointer(rebasing: qualified[(colon + 1)...]))
        }

        mutating func run<Handler: ByteXMLHandler>(_ handler: inout Handler) throws(Failure) {
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            let documentStart = i
            while i < b.count {
                if b[i] != ByteXMLScanner.lt {
                    try text(&handler)
                    continue
                }
                guard i + 1 < b.count else { throw malformed(at: i) }
                switch b[i + 1] {
                case ByteXMLScanner.slash: try endTag(&handler)
                case UInt8(ascii: "!"):
                    if starts(with: "<!--", at: i) {
                        // `--` may only close a comment.
                        guard let end = find("--", from: i + 4) else { throw malformed(at: b.count) }
                        guard end + 2 < b.count, b[end + 2] == ByteXMLScanner.gt else { throw malformed(at: end) }
                        i = end + 3
                    } else if starts(with: "<![CDATA[", at: i) {
                        guard !open.isEmpty, let end = find("]]>", from: i + 9) else { throw malformed(at: i) }
                        try deliver(from: i + 9, to: end, cdata: true, &handler)
                        i = end + 3
                    } else {
                        throw malformed(at: i)
                    }
                case UInt8(ascii: "?"):
                    guard let end = find("?>", from: i + 2) else { throw malformed(at: b.count) }
                    var target = i + 2
                    while target < end, !ByteXMLScanner.isSpace(b[target]) { target += 1 }
                    guard target > i + 2, validName(i + 2, target - i - 2) else { throw malformed(at: i) }
                    if target - i - 2 == 3, b[i + 2] | 0x20 == UInt8(ascii: "x"), b[i + 3] | 0x20 == UInt8(ascii: "m"), b[i + 4] | 0x20 == UInt8(ascii: "l") {
                        // The XML declaration may only open the document, and says what it must.
                        guard i == documentStart, declarationIsValid(from: target, to: end) else { throw malformed(at: i) }
                    }
                    i = end + 2
                default: try startTag(&handler)
                }
            }
            guard closedRoot, open.isEmpty else { throw malformed(at: b.count) }
        }

        /// Text up to the next `<`: outside the root only white space; inside, decoded and delivered.
        mutating func text<Handler: ByteXMLHandler>(_ handler: inout Handler) throws(Failure) {
            let start = i
            var end = i
            while end < b.count, b[end] != ByteXMLScanner.lt { end += 1 }
            if open.isEmpty {
                for index in start..<end where !ByteXMLScanner.isSpace(b[index]) { throw malformed(at: index) }
            } else {
                try deliver(from: start, to: end, cdata: false, &handler)
            }
            i = end
        }

        mutating func deliver<Handler: ByteXMLHandler>(from start: Int, to end: Int, cdata: Bool, _ handler: inout Handler) throws(Failure) {
            let raw = UnsafeBufferPointer(rebasing: b[start..<end])
            eventStart = start
            var plain = true
            for index in 0..<raw.count {
                let byte = raw[index]
                if byte < 0x20 || (byte == ByteXMLScanner.amp && !cdata) || byte == 0xEF || (byte == ByteXMLScanner.gt && !cdata) { plain = false; break }
            }
            if plain {
                do throws(XMLStop) { try handler.characters(raw) } catch { throw stopped(error) }
                return
            }
            scratch.removeAll(keepingCapacity: true)
            if let bad = ByteXMLScanner.decode(raw, attribute: false, cdata: cdata, into: &scratch) { throw malformed(at: start + bad) }
            let decoded = scratch
            do throws(XMLStop) {
                try decoded.withUnsafeBufferPointer { (text) throws(XMLStop) in try handler.characters(text) }
            } catch {
                throw stopped(error)
            }
        }

        mutating func startTag<Handler: ByteXMLHandler>(_ handler: inout Handler) throws(Failure) {
            let tagStart = i
            eventStart = tagStart
            if closedRoot { throw malformed(at: tagStart) }
            i += 1
            let nameStart = i
            while i < b.count, !ByteXMLScanner.isSpace(b[i]), b[i] != ByteXMLScanner.slash, b[i] != ByteXMLScanner.gt { i += 1 }
            let nameCount = i - nameStart
            guard nameCount > 0, validName(nameStart, nameCount) else { throw malformed(at: nameStart) }
            spans.removeAll(keepingCapacity: true)
            var selfClosing = false
            while true {
                var spaced = false
                while i < b.count, ByteXMLScanner.isSpace(b[i]) { i += 1; spaced = true }
                guard i < b.count else { throw malformed(at: b.count) }
                if b[i] == ByteXMLScanner.gt { i += 1; break }
                if b[i] == ByteXMLScanner.slash {
                    guard i + 1 < b.count, b[i + 1] == ByteXMLScanner.gt else { throw malformed(at: i) }
                    i += 2
                    selfClosing = true
                    break
                }
                guard spaced else { throw malformed(at: i) }
                let attributeStart = i
                while i < b.count, !ByteXMLScanner.isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != ByteXMLScanner.gt, b[i] != ByteXMLScanner.slash { i += 1 }
                let attributeCount = i - attributeStart
                guard attributeCount > 0, validName(attributeStart, attributeCount) else { throw malformed(at: attributeStart) }
                while i < b.count, ByteXMLScanner.isSpace(b[i]) { i += 1 }
                guard i < b.count, b[i] == UInt8(ascii: "=") else { throw malformed(at: i) }
                i += 1
                while i < b.count, ByteXMLScanner.isSpace(b[i]) { i += 1 }
                guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { throw malformed(at: i) }
                let quote = b[i]
                i += 1
                let valueStart = i
                var needsDecoding = false
                while i < b.count, b[i] != quote {
                    let byte = b[i]
                    if byte == ByteXMLScanner.lt { throw malformed(at: i) }
                    if byte < 0x20 || byte == ByteXMLScanner.amp || byte == 0xEF { needsDecoding = true }
                    i += 1
                }
                guard i < b.count else { throw malformed(at: b.count) }
                let span = AttributeSpan(nameStart: attributeStart, nameCount: attributeCount, valueStart: valueStart,
                                         valueCount: i - valueStart, needsDecoding: needsDecoding)
                i += 1
                if needsDecoding {
                    scratch.removeAll(keepingCapacity: true)
                    if let bad = ByteXMLScanner.decode(UnsafeBufferPointer(rebasing: b[valueStart..<span.valueStart + span.valueCount]),
                                                       attribute: true, into: &scratch) {
                        throw malformed(at: valueStart + bad)
                    }
                }
                for other in spans where other.nameCount == attributeCount
                    && b[other.nameStart..<(other.nameStart + attributeCount)].elementsEqual(b[attributeStart..<(attributeStart + attributeCount)]) {
                    throw malformed(at: attributeStart)
                }
                spans.append(span)
            }
            elements += 1
            if open.count >= maxDepth {
                throw stopped(XMLStop(problem: .structure(.nestedTooDeep(limit: maxDepth))))
            }
            if elements > maxElements {
                throw stopped(XMLStop(problem: .structure(.tooManyElements(limit: maxElements))))
            }
            open.append((nameStart, nameCount))
            let element = name(at: nameStart, nameCount)
            if Handler.wantsLines {
                let position = advancePosition(to: tagStart)
                handler.located(line: position.line, column: position.column)
            }
            do throws(XMLStop) {
                try handler.start(element, attributes: XMLByteAttributes(base: b, spans: spans[...]))
                if selfClosing {
                    try handler.end(element)
                    open.removeLast()
                    if open.isEmpty { closedRoot = true }
                }
            } catch {
                throw stopped(error)
            }
        }

        mutating func endTag<Handler: ByteXMLHandler>(_ handler: inout Handler) throws(Failure) {
            let tagStart = i
            eventStart = tagStart
            i += 2
            let nameStart = i
            while i < b.count, !ByteXMLScanner.isSpace(b[i]), b[i] != ByteXMLScanner.gt { i += 1 }
            let nameCount = i - nameStart
            while i < b.count, ByteXMLScanner.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == ByteXMLScanner.gt, let top = open.last, top.count == nameCount,
                  b[top.start..<(top.start + nameCount)].elementsEqual(b[nameStart..<(nameStart + nameCount)]) else {
                throw malformed(at: tagStart)
            }
            i += 1
            do throws(XMLStop) { try handler.end(name(at: nameStart, nameCount)) } catch { throw stopped(error) }
            open.removeLast()
            if open.isEmpty { closedRoot = true }
        }

        /// An XML name, as the specification's ASCII classes read it (letters, `_`, then also digits,
        /// `-`, `.`; anything beyond ASCII allowed), with at most one colon, not at either end.
        func validName(_ start: Int, _ count: Int) -> Bool {
            var colons = 0
            for index in start..<(start + count) {
                let byte = b[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), 0x80...0xFF: continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): if index == start { return false }
                case UInt8(ascii: ":"): colons += 1
                default: return false
                }
            }
            return colons <= 1 && b[start] != UInt8(ascii: ":") && b[start + count - 1] != UInt8(ascii: ":")
        }

        /// `version="1.x"`, then optionally `encoding="…"` and `standalone="yes|no"`, in that order.
        func declarationIsValid(from start: Int, to end: Int) -> Bool {
            var index = start
            var pairs: [(name: String, value: String)] = []
            while true {
                let spaced = index < end && ByteXMLScanner.isSpace(b[index])
                while index < end, ByteXMLScanner.isSpace(b[index]) { index += 1 }
                if index == end { break }
                guard spaced else { return false }
                let nameStart = index
                while index < end, b[index] != UInt8(ascii: "="), !ByteXMLScanner.isSpace(b[index]) { index += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<index]), as: UTF8.self)
                while index < end, ByteXMLScanner.isSpace(b[index]) { index += 1 }
                guard index < end, b[index] == UInt8(ascii: "=") else { return false }
                index += 1
                while index < end, ByteXMLScanner.isSpace(b[index]) { index += 1 }
                guard index < end, b[index] == UInt8(ascii: "\"") || b[index] == UInt8(ascii: "'") else { return false }
                let quote = b[index]
                index += 1
                let valueStart = index
                while index < end, b[index] != quote { index += 1 }
                guard index < end else { return false }
                pairs.append((name, String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<index]), as: UTF8.self)))
                index += 1
            }
            guard let version = pairs.first, version.name == "version", version.value.hasPrefix("1."), version.value.count > 2,
                  version.value.utf8.dropFirst(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            var rest = pairs.dropFirst()
            if let encoding = rest.first, encoding.name == "encoding" {
                guard let first = encoding.value.utf8.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
                      encoding.value.utf8.allSatisfy({ ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z"))
                          || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
                else { return false }
                rest = rest.dropFirst()
            }
            if let standalone = rest.first, standalone.name == "standalone" {
                guard standalone.value == "yes" || standalone.value == "no" else { return false }
                rest = rest.dropFirst()
            }
            return rest.isEmpty
        }
    }

    /// Counts the line ends in `from..<to` onto `line`, leaving `lineStart` at the last line's
    /// first byte (CR LF, LF and a lone CR each end a line, as the XML specification reads them).
    static func countLines(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, line: inout Int, lineStart: inout Int) {
        var index = from
        while index < to {
            let byte = b[index]
            if byte == lf || (byte == cr && (index + 1 >= b.count || b[index + 1] != lf)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// Characters (UTF-8 sequences) in `from..<to`.
    static func characters(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var index = from
        while index < to {
            if b[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Decodes references and line ends (and, in an attribute, white space to spaces) into `out`;
    /// returns the offset of the first fault (an unknown entity, a bad reference, a control
    /// character, `]]>` in text, a non-character), or nil.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, attribute: Bool, cdata: Bool = false, into out: inout [UInt8]) -> Int? {
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            switch byte {
            case cr:
                // CR LF and a lone CR are one line end, as the XML specification reads them.
                if index + 1 < raw.count, raw[index + 1] == lf { index += 1 }
                out.append(attribute ? 0x20 : lf)
                index += 1
            case lf, 0x09:
                out.append(attribute ? 0x20 : byte)
                index += 1
            case 0..<0x20:
                return index
            case amp where !cdata:
                var end = index + 1
                while end < raw.count, end - index <= 12, raw[end] != UInt8(ascii: ";") { end += 1 }
                guard end < raw.count, raw[end] == UInt8(ascii: ";") else { return index }
                let reference = UnsafeBufferPointer(rebasing: raw[(index + 1)..<end])
                guard let scalar = resolve(reference) else { return index }
                if attribute, scalar == 0x0D || scalar == 0x0A || scalar == 0x09 {
                    out.append(UInt8(scalar)) // a reference keeps its character, unnormalised
                } else {
                    appendUTF8(scalar, to: &out)
                }
                index = end + 1
            case gt where !cdata && !attribute:
                if index >= 2, raw[index - 1] == UInt8(ascii: "]"), raw[index - 2] == UInt8(ascii: "]") { return index }
                out.append(byte)
                index += 1
            case 0xEF:
                // U+FFFE and U+FFFF are not characters.
                if index + 2 < raw.count, raw[index + 1] == 0xBF, raw[index + 2] == 0xBE || raw[index + 2] == 0xBF { return index }
                out.append(byte)
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
        return nil
    }

    /// `lt`, `#233`, `#xE9`: the scalar a reference names, if it is allowed in XML.
    static func resolve(_ reference: UnsafeBufferPointer<UInt8>) -> UInt32? {
        func named(_ literal: StaticString) -> Bool {
            reference.count == literal.utf8CodeUnitCount && (0..<reference.count).allSatisfy { reference[$0] == literal.utf8Start[$0] }
        }
        if named("lt") { return 0x3C }
        if named("gt") { return 0x3E }
        if named("amp") { return 0x26 }
        if named("quot") { return 0x22 }
        if named("apos") { return 0x27 }
        guard reference.count >= 2, reference[0] == UInt8(ascii: "#") else { return nil }
        let hex = reference[1] == UInt8(ascii: "x")
        let digits = reference[(hex ? 2 : 1)...]
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let number: UInt32
            switch digit {
            case 0x30...0x39: number = UInt32(digit - 0x30)
            case 0x61...0x66 where hex: number = UInt32(digit - 0x61 + 10)
            case 0x41...0x46 where hex: number = UInt32(digit - 0x41 + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + number
        }
        let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        return allowed ? value : nil
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
