import Dispatch
import RelanceCore

extension FECParser {
    /// Reads the lines after the header in two stretches split at a line break, each on its
    /// own core, and merges them in file order. The bytes are the caller's (no copy); each
    /// stretch keeps only its customer lines.
    static func readInParallel(_ body: UnsafeBufferPointer<UInt8>, layout: FECChunk.Layout, linesBefore: Int,
                               minimumSplit: Int) throws(ImportError) -> FECChunk {
        let stretches = split(body, minimumSplit: minimumSplit)
        var chunks = [FECChunk?](repeating: nil, count: stretches.count)
        chunks.withUnsafeMutableBufferPointer { results in
            if stretches.count == 1 {
                results[0] = FECChunk.read(stretches[0], layout: layout)
                return
            }
            let shared = Stretches(input: stretches, output: results)
            DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
                shared.output[index] = FECChunk.read(shared.input[index], layout: layout)
            }
        }
        var merged = chunks[0].take()!
        merged.shiftLines(by: linesBefore)
        for index in chunks.indices.dropFirst() {
            var chunk = chunks[index].take()!
            try merged.append(&chunk, lineOffset: linesBefore + merged.lineCount, fileName: layout.fileName)
        }
        if merged.notUTF8 { return merged }
        if let error = merged.error { throw error }
        return merged
    }

    /// The body cut after the first line feed past its middle; whole when it is small or has
    /// no line feed there (a file ending its lines with CR alone is read in one stretch).
    static func split(_ body: UnsafeBufferPointer<UInt8>, minimumSplit: Int) -> [UnsafeBufferPointer<UInt8>] {
        guard body.count >= max(minimumSplit, 2) else { return [body] }
        var cut = body.count / 2
        while cut < body.count, body[cut] != 0x0A { cut += 1 }
        guard cut + 1 < body.count else { return [body] }
        return [UnsafeBufferPointer(rebasing: body[..<(cut + 1)]), UnsafeBufferPointer(rebasing: body[(cut + 1)...])]
    }
}

/// The stretches and their result slots, lent to the reading threads for the duration of
/// `concurrentPerform`, which returns only when all are done: each thread reads the caller's
/// bytes (never written) and writes its own slot only.
private struct Stretches: @unchecked Sendable {
    let input: [UnsafeBufferPointer<UInt8>]
    let output: UnsafeMutableBufferPointer<FECChunk?>
}

extension FECChunk {
    /// The first stretch's lines follow the header: its numbers become the file's.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        for index in entries.indices { entries[index].shiftLine(by: offset) }
        if var error { error.position.line = error.position.line.map { $0 + offset }; self.error = error }
    }
}
