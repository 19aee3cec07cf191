import RelanceCore

/// `xl/sharedStrings.xml`: the text of each `si`, its runs joined, its phonetic guides (`rPh`) left out.
struct SharedStringsReader: ByteXMLHandler {
    var strings: [String] = []
    private let limits: ImportLimits
    private let file: String
    private var current: [UInt8] = []
    private var length = 0
    private var inText = false
    private var inPhonetic = false

    init(limits: ImportLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    private var position: SourcePosition { SourcePosition(file: file, path: "xl/sharedStrings.xml (string \(strings.count + 1))") }

    mutating func start(_ name: XMLByteName, attributes: XMLByteAttributes) throws(XMLStop) {
        if name.isLocal("si") {
            current.removeAll(keepingCapacity: true)
            length = 0
            guard strings.count < limits.workbookCells else {
                throw XMLStop(problem: .structure(.tooManySharedStrings(limit: limits.workbookCells)), position: position)
            }
        } else if name.isLocal("t") {
            inText = !inPhonetic
        } else if name.isLocal("rPh") {
            inPhonetic = true
        }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XMLStop) {
        guard inText else { return }
        length += XLSXPart.utf16Count(text)
        guard length <= limits.cellCharacters else { throw XLSXPart.cellTooLong(limits, at: position) }
        current.append(contentsOf: text)
    }

    mutating func end(_ name: XMLByteName) {
        if name.isLocal("si") {
            strings.append(String(decoding: current, as: UTF8.self))
        } else if name.isLocal("t") {
            inText = false
        } else if name.isLocal("rPh") {
            inPhonetic = false
        }
    }
}
