import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LocalDropFolder {
    /// Places a file in the drop folder as if someone had copied it there: written under a hidden
    /// temporary name the intake ignores, then renamed at once, so the intake never sees half a
    /// file. The name is reduced to a plain last component; an existing name gets a numbered
    /// suffix (nothing is overwritten). Returns the name given.
    public func deposit(_ bytes: [UInt8], suggestedName: String) throws -> String {
        try createFolders()
        let name = Self.safeName(suggestedName)
        let temporary = folder.appendingPathComponent(".upload-\(UUID().uuidString).part")
        try Data(bytes).write(to: temporary, options: .withoutOverwriting)
        var final = name
        var counter = 2
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        // link(2) then unlink: unlike rename(2), link never replaces an existing file.
        while link(temporary.path, folder.appendingPathComponent(final).path) != 0 {
            guard errno == EEXIST, counter < 1000 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw IntakeError(.moveFailed, file: name, "cannot place it in \(folder.path): \(reason)")
            }
            final = ext.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(ext)"
            counter += 1
        }
        try? FileManager.default.removeItem(at: temporary)
        return final
    }

    /// The last path component, without control characters, a leading dot or a temporary
    /// suffix the intake would skip; `upload` when nothing is left.
    public static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        for suffix in [".part", ".tmp", "~", ".error.txt"] where name.hasSuffix(suffix) { name += ".upload" }
        name = String(name.prefix(120))
        return name.isEmpty || IntakeRules.ownFolders.contains(name) ? "upload" : name
    }
}
