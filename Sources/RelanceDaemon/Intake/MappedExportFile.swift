public import Foundation
public import RelanceImport
#if canImport(Glibc)
import Glibc
#endif

/// A file a person names (`relance import FILE`), mapped read-only rather than read: a
/// million-line ledger (125 MB) is parsed where it lies, and the pages the parse has gone past
/// are given back, so the import never holds the whole file. The mapping lasts for the call
/// to `ExportFile.withMapped` only.
///
/// A mapping reads the file as it is on disk while it is read: a file truncated by someone
/// else meanwhile would end the process (SIGBUS). The drop folder, where exporters write
/// while Relance watches, reads files into memory instead (`ExportFile.bytes`).
public struct MappedExportFile: @unchecked Sendable {
    /// Valid only inside `ExportFile.withMapped`; never written.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Gives back the whole pages of a stretch already read (`MADV_DONTNEED`: the mapping
    /// stays, a later look reads the page from the file again).
    public var pagesRead: PagesRead {
        PagesRead { read in
            guard let base = read.baseAddress, read.count > 0 else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = Int(bitPattern: base) & ~(page - 1)
            let end = (Int(bitPattern: base) + read.count) & ~(page - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, end - start, MADV_DONTNEED)
        }
    }
}

extension ExportFile {
    public static func withMapped<R>(at url: URL, _ body: (MappedExportFile) throws -> R) throws -> R {
        let mapping = try Mapping(url)
        defer { mapping.close() }
        return try body(mapping.file)
    }

    /// The same for an asynchronous body (an import that writes to the store as it reads).
    public static func withMapped<R>(at url: URL, _ body: (MappedExportFile) async throws -> R) async throws -> R {
        let mapping = try Mapping(url)
        defer { mapping.close() }
        return try await body(mapping.file)
    }

    /// The file's descriptor and mapping, until `close`.
    private struct Mapping {
        let descriptor: Int32
        let file: MappedExportFile

        init(_ url: URL) throws(IntakeError) {
            let (fd, size) = try openRegularFile(at: url)
            descriptor = fd
            guard size > 0 else {
                file = MappedExportFile(bytes: UnsafeBufferPointer(start: nil, count: 0))
                return
            }
            guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
                let reason = String(cString: strerror(errno))
                Glibc.close(fd)
                throw IntakeError(.unreadable, file: url.path, "cannot map it: \(reason)")
            }
            // Read front to back: the kernel may read ahead.
            _ = madvise(address, size, MADV_SEQUENTIAL)
            file = MappedExportFile(bytes: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
        }

        func close() {
            if let base = file.bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), file.bytes.count) }
            Glibc.close(descriptor)
        }
    }
}
