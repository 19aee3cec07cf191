import RelanceCore

/// `xl/styles.xml`: which cell styles (`s` attribute, an index into `cellXfs`) display a date.
struct StylesReader: ByteXMLHandler {
    var dateStyles: [Bool] = []
    private var customDateFormats: Set<Int> = []
    private var inCellXfs = false

    mutating func start(_ name: XMLByteName, attributes: XMLByteAttributes) {
        if name.isLocal("numFmt") {
            if let id = attributes.value("numFmtId").flatMap(Int.init), let code = attributes.value("formatCode"), Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        } else if name.isLocal("cellXfs") {
            inCellXfs = true
        } else if name.isLocal("xf"), inCellXfs {
            let id = attributes.value("numFmtId").flatMap(Int.init) ?? 0
            dateStyles.append((14...22).contains(id) || (45...47).contains(id) || customDateFormats.contains(id))
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    mutating func end(_ name: XMLByteName) {
        if name.isLocal("cellXfs") { inCellXfs = false }
    }

    /// A format shows a date if, outside quoted text and [brackets], it has d, m or y.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "d", "m", "y": if !inQuote && !inBracket { return true }
            default: continue
            }
        }
        return false
    }
}
