public import Foundation

/// What `zbarimg` (Debian's zbar-tools, installed by scripts/install-build-deps.sh) reads in a
/// picture of a QR code, as a phone's banking app would: the tests' proof that a drawn code
/// carries the exact payload.
public enum QRReader {
    /// The decoded bytes as text; `name` gives the picture's format by its extension (`qr.png`).
    public static func decode(_ picture: Data, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try picture.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", "-Sbinary", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: bytes, as: UTF8.self) : ""
    }
}
