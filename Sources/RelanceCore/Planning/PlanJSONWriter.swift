import Foundation

/// `relance plan --json`, written a piece at a time: the bytes `JSONEncoder` writes for the
/// whole `[Plan]` (pretty-printed, sorted keys, slashes unescaped), followed by a line break as
/// `print` added.
///
/// Encoding the whole array at once held the whole encoding in memory (the encoder's values,
/// 116 MB of JSON, then a String copy of it): 636 MB peak on a book of 100,000 invoices, against 177 MB
/// for the text plan (benchmarks/plan.sh). Here the outer array and each plan's keys are
/// written by hand, in the encoder's sorted order, and the large arrays (contacts, tasks,
/// escalations, decisions) are encoded a batch of elements at a time with the same encoder,
/// each line moved to its depth. The encoder still writes every value, so its escaping and
/// number formats stay its own; the test compares the two byte for byte.
public enum PlanJSONWriter {
    /// The buffer is handed out whenever it holds this much (or a batch more).
    public static let chunkSize = 1 << 16
    /// Elements encoded per `JSONEncoder` call. On the 100k-invoice plan (2026-12-07): one per
    /// call cost 0.2 s more CPU (3.06 s against 2.88); 4,096 per call, 0.1 s more and 83 MB
    /// more peak (its batches of contacts are several MB each).
    public static let batchSize = 256

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes `plans`, handing out the bytes a chunk at a time. `batchSize` is for the tests,
    /// which cut the arrays at every place.
    public static func write(_ plans: [Plan], batchSize: Int = Self.batchSize, emit: ([UInt8]) -> Void) throws {
        var out = Output(encoder: makeEncoder(), batchSize: batchSize)
        // Foundation writes an empty array, at any depth, as "[", an empty line, and "]" at
        // the array's own indentation.
        guard !plans.isEmpty else {
            out.append("[\n\n]\n")
            out.flush(emit)
            return
        }
        out.append("[\n")
        for (index, plan) in plans.enumerated() {
            if index > 0 { out.append(",\n") }
            out.append("  {\n")
            // Every stored property of `Plan`, in the order `.sortedKeys` gives them (a property
            // added to `Plan` and not here fails PlanJSONWriterTests).
            try out.array("contacts", plan.contacts, emit)
            try out.value("creditor", plan.creditor)
            try out.value("date", plan.date)
            try out.array("decisions", plan.decisions, emit)
            try out.array("escalations", plan.escalations, emit)
            try out.value("reviewOnly", plan.reviewOnly)
            try out.array("tasks", plan.tasks, emit, last: true)
            out.append("  }")
        }
        out.append("\n]\n")
        out.flush(emit)
    }

    /// The bytes written so far, and the encoder that writes the values.
    private struct Output {
        let encoder: JSONEncoder
        let batchSize: Int
        var bytes: [UInt8] = []

        /// A plan's keys are at depth 2 (4 spaces), the elements of its arrays at depth 3.
        static let keyIndent = 4

        init(encoder: JSONEncoder, batchSize: Int) {
            precondition(batchSize > 0)
            self.encoder = encoder
            self.batchSize = batchSize
            bytes.reserveCapacity(PlanJSONWriter.chunkSize * 2)
        }

        mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// `"key" : value`, the value encoded alone and moved to the key's depth.
        mutating func value(_ key: String, _ value: some Encodable) throws {
            self.key(key)
            appendIndented(try encoder.encode(value), skippingFirstLine: true)
            append(",\n")
        }

        /// `"key" : [ ... ]`, the elements encoded `batchSize` at a time.
        mutating func array<Element: Encodable>(_ key: String, _ elements: [Element], _ emit: ([UInt8]) -> Void,
                                                last: Bool = false) throws {
            self.key(key)
            if elements.isEmpty {
                append("[\n\n    ]")
            } else {
                append("[\n")
                var start = elements.startIndex
                while start < elements.endIndex {
                    let end = min(start + batchSize, elements.endIndex)
                    if start > elements.startIndex { append(",\n") }
                    // "[\n", the elements one level deep, "\n]": the inside, moved two levels deeper.
                    let batch = try encoder.encode(Array(elements[start..<end]))  // a slice is not Encodable
                    appendIndented(batch.dropFirst(2).dropLast(2), skippingFirstLine: false)
                    if bytes.count >= PlanJSONWriter.chunkSize { flush(emit) }
                    start = end
                }
                append("\n    ]")
            }
            append(last ? "\n" : ",\n")
        }

        private mutating func key(_ key: String) {
            append("    \"\(key)\" : ")
        }

        /// `json`'s lines, each indented `keyIndent` spaces more — but for empty lines (the
        /// inside of an empty array or object), which Foundation leaves empty at any depth.
        /// Strings cannot hold a raw line break (the encoder writes `\n`), so every 0x0A byte
        /// ends a line.
        private mutating func appendIndented(_ json: Data, skippingFirstLine: Bool) {
            // Data's own subscript and search cost more than the encoding (a check of its
            // storage per byte): the bytes are read in place. Every range below lies within
            // 0...raw.count: `lineStart` starts at 0 and only grows to one past a line end
            // found inside the buffer, and the loop stops once it passes `raw.count`.
            json.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var lineStart = 0
                var first = true
                while lineStart <= raw.count {
                    let lineEnd = raw[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? raw.count
                    if !first { bytes.append(UInt8(ascii: "\n")) }
                    if lineEnd > lineStart && !(first && skippingFirstLine) {
                        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: Self.keyIndent))
                    }
                    bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[lineStart..<lineEnd]))
                    first = false
                    lineStart = lineEnd + 1
                }
            }
        }

        mutating func flush(_ emit: ([UInt8]) -> Void) {
            guard !bytes.isEmpty else { return }
            emit(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
