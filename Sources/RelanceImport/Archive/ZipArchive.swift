import RelanceCore

/// Reads the entries of a ZIP archive (the container of XLSX files) from its central
/// directory: stored and deflated entries, no encryption, no ZIP64 (an XLSX export is far
/// below 4 GB). What the entries read inflate to, together, is budgeted (`ImportLimits.inflatedBytes`):
/// the sizes the table of contents declares are checked before an entry is inflated, and the
/// inflation itself stops at what is left of the budget, whatever the table says.
struct ZipArchive {
    struct Entry: Sendable, Hashable {
        var name: String
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var encrypted: Bool
    }

    let bytes: [UInt8]
    let file: String
    let limits: ImportLimits
    private(set) var entries: [String: Entry] = [:]
    /// Bytes the entries read so far inflated to.
    private(set) var inflated = 0

    init(_ bytes: [UInt8], file: String, limits: ImportLimits = .standard) throws(ImportError) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        guard let end = Self.endOfCentralDirectory(bytes) else { throw corrupt(.tableOfContentsMissing) }
        let count = u16(end + 10)
        var offset = u32(end + 16)
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, u32(offset) == 0x0201_4B50 else { throw corrupt(.tableOfContentsDamaged) }
            let nameLength = u16(offset + 28), extraLength = u16(offset + 30), commentLength = u16(offset + 32)
            guard offset + 46 + nameLength <= bytes.count else { throw corrupt(.tableOfContentsDamaged) }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(name: name, method: u16(offset + 10), compressedSize: u32(offset + 20),
                                  uncompressedSize: u32(offset + 24), localHeaderOffset: u32(offset + 42),
                                  encrypted: u16(offset + 8) & 1 == 1)
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    mutating func contents(_ name: String) throws(ImportError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard !entry.encrypted else {
            throw ImportError(.unsupported, at: SourcePosition(file: file, path: name), .workbookPasswordProtected)
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw corrupt(.partDamaged(name)) }
        let start = header + 30 + u16(header + 26) + u16(header + 28)
        guard start + entry.compressedSize <= bytes.count else { throw corrupt(.partTruncated(name)) }
        let data = bytes[start..<(start + entry.compressedSize)]
        let left = limits.inflatedBytes - inflated
        if entry.uncompressedSize > left || (entry.method == 0 && entry.compressedSize > left) {
            throw tooLarge(name, declared: true)
        }
        switch entry.method {
        case 0:
            inflated += data.count
            return Array(data)
        case 8:
            do {
                let output = try Inflate.raw(data, limit: left)
                inflated += output.count
                return output
            } catch .tooLarge {
                throw tooLarge(name, declared: false)
            } catch {
                throw corrupt(.partUndecompressable(name, detail: "\(error)"))
            }
        default:
            throw ImportError(.unsupported, at: SourcePosition(file: file, path: name),
                              .structure(.zipCompression(part: name, method: Int(entry.method))))
        }
    }

    private func tooLarge(_ name: String, declared: Bool) -> ImportError {
        ImportLimits.refusal(at: SourcePosition(file: file, path: name),
                             .workbookInflatedTooLarge(limitBytes: limits.inflatedBytes, part: name, declared: declared))
    }

    private func corrupt(_ damage: StructureProblem.ZipDamage) -> ImportError {
        ImportError(.unknownFormat, at: SourcePosition(file: file), .structure(.zipCorrupt(damage)))
    }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    /// The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var index = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while index >= lowest {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { return index }
            index -= 1
        }
        return nil
    }
}
