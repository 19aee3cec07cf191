import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelanceCore

extension FECParser {
    /// Reads the lines after the header in `parts` stretches split at line feeds, on as many
    /// threads as there are cores, and merges them in file order. The bytes are the caller's
    /// (no copy); each stretch keeps only its customer lines.
    static func readInParallel(_ body: UnsafeBufferPointer<UInt8>, layout: FECChunk.Layout, linesBefore: Int,
                               parts: Int, minimumSplit: Int) throws(ImportError) -> FECChunk {
        let stretches = split(body, into: parts, minimumSplit: minimumSplit)
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
        do {
            for index in chunks.indices.dropFirst() {
                var chunk = chunks[index].take()!
                try merged.append(&chunk, lineOffset: linesBefore + merged.lineCount, fileName: layout.fileName)
            }
        } catch {
            // Sums that overflow only together (a damaged file): one stretch finds the line
            // where they do, and names it as a read in one stretch always has.
            return try readInParallel(body, layout: layout, linesBefore: linesBefore, parts: 1, minimumSplit: minimumSplit)
        }
        if merged.notUTF8 { return merged }
        if let error = merged.error { throw error }
        return merged
    }

    /// The body cut into `parts` stretches of about equal size, each cut just after a line
    /// feed (so a CRLF or CR CR LF break stays whole in the stretch it ends); fewer when it is
    /// small (a stretch under `minimumSplit` bytes is not worth a thread) or has too few line
    /// feeds — a file ending its lines with CR alone is read in one stretch.
    static func split(_ body: UnsafeBufferPointer<UInt8>, into parts: Int = 2, minimumSplit: Int) -> [UnsafeBufferPointer<UInt8>] {
        let parts = max(1, min(parts, body.count / max(minimumSplit, 1)))
        guard parts > 1, body.count >= 2 else { return [body] }
        var stretches: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for part in 1..<parts {
            // From the byte before the even cut: a cut that falls at a line's start stays there.
            var cut = max(body.count / parts * part - 1, start)
            while cut < body.count, body[cut] != 0x0A { cut += 1 }
            guard cut + 1 < body.count else { break }
            stretches.append(UnsafeBufferPointer(rebasing: body[start..<(cut + 1)]))
            start = cut + 1
        }
        stretches.append(UnsafeBufferPointer(rebasing: body[start...]))
        return stretches
    }

    /// One stretch per core, at most eight (the merge is serial; more would not pay).
    static var cores: Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return online > 0 ? min(Int(online), 8) : 2
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
        for segment in segments.indices {
            for index in segments[segment].indices { segments[segment][index].shiftLine(by: offset) }
        }
        if var error { error.position.line = error.position.line.map { $0 + offset }; self.error = error }
    }
}
