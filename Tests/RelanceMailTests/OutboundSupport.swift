import Foundation
import RelanceCore
@testable import RelanceMail

/// Test helpers for the outbound suites: the shipped templates, and independent decoders
/// (written here, not shared with the code under test) to check what the composer writes.
enum OutboundSupport {
    /// The repository's `mail-templates/` folder, read as the daemon would.
    static func shippedTemplates(filePath: String = #filePath) throws -> [String: String] {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail-templates")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static func fixture(_ name: String, filePath: String = #filePath) throws -> [UInt8] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/outbound/\(name)")
        return Array(try Data(contentsOf: url))
    }

    /// RFC 2047 decoding of an unfolded header value: `=?charset?B|Q?…?=` words, the white
    /// space between two adjacent encoded words dropped, everything else kept.
    static func decodeEncodedWords(_ value: String) -> String? {
        var result = ""
        var rest = Substring(value)
        var previousWasEncoded = false
        var pendingSpace = ""
        while !rest.isEmpty {
            if rest.hasPrefix("=?") {
                let parts = rest.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count == 4, parts[3].hasPrefix("="), parts[0].lowercased() == "utf-8" else { return nil }
                let payload = parts[2]
                let bytes: [UInt8]?
                switch parts[1].uppercased() {
                case "B": bytes = Data(base64Encoded: String(payload)).map(Array.init)
                case "Q": bytes = decodeQ(payload)
                default: return nil
                }
                guard let bytes, let text = String(validating: bytes, as: UTF8.self) else { return nil }
                if !previousWasEncoded { result += pendingSpace }
                pendingSpace = ""
                result += text
                previousWasEncoded = true
                rest = parts[3].dropFirst()
            } else if rest.first == " " || rest.first == "\t" {
                pendingSpace.append(rest.removeFirst())
            } else {
                result += pendingSpace
                pendingSpace = ""
                result.append(rest.removeFirst())
                previousWasEncoded = false
            }
        }
        return result + pendingSpace
    }

    private static func decodeQ(_ text: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char == "_" { bytes.append(0x20) } else if char == "=" {
                let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex) ?? text.endIndex
                guard let byte = UInt8(text[text.index(after: index)..<end], radix: 16) else { return nil }
                bytes.append(byte)
                index = end
                continue
            } else { bytes.append(contentsOf: Array(String(char).utf8)) }
            index = text.index(after: index)
        }
        return bytes
    }

    /// Quoted-printable decoding (RFC 2045 §6.7) of CRLF text: soft breaks removed, `=XX` decoded.
    static func decodeQuotedPrintable(_ text: String) -> String? {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                if index + 2 < input.count, input[index + 1] == 13, input[index + 2] == 10 {
                    index += 3
                    continue
                }
                guard index + 2 < input.count,
                      let byte = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Header lines unfolded: `name` → value, for headers that occur once.
    static func headers(of message: [UInt8]) -> [String: String] {
        let text = String(decoding: message, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return [:] }
        let unfolded = text[..<end.lowerBound].replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
        }
        return headers
    }

    static let secret = ReferenceSecret(bytes: Array("0123456789abcdef0123456789abcdef".utf8))!
    static let creditor = CreditorID("atelier-lumiere")!

    static func address(_ text: String) -> EmailAddress { EmailAddress(text)! }
}
