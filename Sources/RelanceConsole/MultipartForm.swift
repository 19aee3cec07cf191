import Foundation

/// A `multipart/form-data` body (RFC 7578) as the console's upload form sends it: a few text
/// fields and one file. Pure and bounded: the body is already limited by the caller, parts are
/// at most `maximumParts`, each part's headers at most 8 KB; anything else is refused.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let fileName: String?
        let content: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static let maximumParts = 10
    let parts: [Part]

    /// The boundary of a `multipart/form-data; boundary=…` content type; nil for anything else.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard body.starts(with: delimiter) else { throw Malformed(description: "the form does not start with its boundary") }
        var parts: [Part] = []
        var position = delimiter.count
        while true {
            // After a boundary: `--` ends the form, CRLF starts a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { break }
            guard body[position...].starts(with: [0x0D, 0x0A]) else { throw Malformed(description: "a boundary is not followed by a line break") }
            position += 2
            guard parts.count < Self.maximumParts else { throw Malformed(description: "more than \(Self.maximumParts) fields") }
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position, within: 8192) else {
                throw Malformed(description: "a field's headers are missing or longer than 8 KB")
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = Self.find(separator, in: body, from: contentStart, within: body.count) else {
                throw Malformed(description: "the form ends before its closing boundary")
            }
            let disposition = Self.disposition(headers)
            guard let name = disposition["name"] else { throw Malformed(description: "a field has no name") }
            parts.append(Part(name: name, fileName: disposition["filename"], content: Array(body[contentStart..<contentEnd])))
            position = contentEnd + separator.count
        }
        self.parts = parts
    }

    /// The first text field of that name.
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.content, as: UTF8.self) }
    }

    /// The first file.
    var file: Part? { parts.first { $0.fileName != nil } }

    /// `name` and `filename` from the part's Content-Disposition header (quoted values).
    static func disposition(_ headers: String) -> [String: String] {
        guard let line = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else { return [:] }
        var values: [String: String] = [:]
        var rest = Substring(line.drop { $0 != ";" })
        while let equal = rest.firstIndex(of: "=") {
            let key = rest[..<equal].trimmingCharacters(in: CharacterSet(charactersIn: "; ")).lowercased()
            rest = rest[rest.index(after: equal)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { value.append(character) }
                }
            } else {
                value = String(rest.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
                rest = rest.drop { $0 != ";" }
            }
            values[key] = value
        }
        return values
    }

    /// The first index of `needle` in `haystack` at or after `start`, looking no further than `within` bytes.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, within: Int) -> Int? {
        let last = min(haystack.count - needle.count, start + within)
        guard start <= last else { return nil }
        var index = start
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
