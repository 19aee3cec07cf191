import Foundation

import Crypto
import RelanceCore

/// Turns an `OutgoingMessage` into the exact RFC 5322 bytes handed to SMTP: CRLF line
/// endings, UTF-8, folded headers, quoted-printable text, base64 attachments.
///
/// Deterministic: the same message gives the same bytes (the MIME boundaries derive from the
/// Message-ID), so a stored message can be composed again after a crash and compared.
///
/// Header safety: every header value is either built from validated types (`EmailAddress`,
/// `MessageID`, `MessageDate`) or checked for control characters and then encoded. CR, LF
/// and other controls in a name, subject or file name are refused with a `CompositionError`
/// naming the field, never silently repaired.
///
/// Layout: `text/plain` alone; `multipart/alternative` (text, then HTML) with an HTML body, the
/// HTML inside `multipart/related` with its inline images when it has some; either one first
/// inside `multipart/mixed` when there are attachments.
public struct MessageComposer: Sendable {
    public init() {}

    public func compose(_ message: OutgoingMessage) throws(CompositionError) -> [UInt8] {
        try validate(message)
        var output: [UInt8] = []
        output.reserveCapacity(message.textBody.utf8.count * 2 + (message.htmlBody?.utf8.count ?? 0) * 2
            + message.attachments.reduce(0) { $0 + $1.bytes.count * 4 / 3 + 256 }
            + message.inlineImages.reduce(0) { $0 + $1.bytes.count * 4 / 3 + 256 } + 2048)
        appendEnvelopeHeaders(of: message, to: &output)

        let boundaries = Boundaries(messageID: message.messageID)
        if message.attachments.isEmpty {
            appendBody(of: message, boundaries: boundaries, to: &output)
        } else {
            append(header: "Content-Type", pieces: ["multipart/mixed;", "boundary=\"\(boundaries.mixed)\""], to: &output)
            append("\r\n", to: &output)
            append("--\(boundaries.mixed)\r\n", to: &output)
            appendBody(of: message, boundaries: boundaries, to: &output)
            for attachment in message.attachments {
                append("--\(boundaries.mixed)\r\n", to: &output)
                appendAttachment(attachment, to: &output)
            }
            append("--\(boundaries.mixed)--\r\n", to: &output)
        }
        return output
    }

    // MARK: - Validation

    private func validate(_ message: OutgoingMessage) throws(CompositionError) {
        guard !message.to.isEmpty else {
            throw CompositionError(code: .noRecipient, field: "to", message: "the message has no recipient; add at least one To address")
        }
        try checkName(message.from, field: "from")
        for (index, mailbox) in message.replyTo.enumerated() { try checkName(mailbox, field: "replyTo[\(index)]") }
        for (index, mailbox) in message.to.enumerated() { try checkName(mailbox, field: "to[\(index)]") }
        for (index, mailbox) in message.cc.enumerated() { try checkName(mailbox, field: "cc[\(index)]") }
        try HeaderText.check(message.subject, field: "subject")
        for header in message.extraHeaders {
            if case .organization(let text) = header { try HeaderText.check(text, field: "extraHeaders.organization") }
        }
        for (index, attachment) in message.attachments.enumerated() {
            try HeaderText.check(attachment.fileName, field: "attachments[\(index)].fileName")
            guard !attachment.fileName.isEmpty else {
                throw CompositionError(code: .emptyFileName, field: "attachments[\(index)].fileName",
                                       message: "the attachment has no file name; give it one such as 'invoice-F2026-001.pdf'")
            }
            guard Self.isMediaType(attachment.mediaType) else {
                throw CompositionError(code: .invalidMediaType, field: "attachments[\(index)].mediaType",
                                       message: "'\(attachment.mediaType)' is not a bare media type such as 'application/pdf'")
            }
        }
        for (index, image) in message.inlineImages.enumerated() {
            try HeaderText.check(image.fileName, field: "inlineImages[\(index)].fileName")
            guard !image.fileName.isEmpty, image.fileName.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                throw CompositionError(code: .emptyFileName, field: "inlineImages[\(index)].fileName",
                                       message: "an inline image needs a plain ASCII file name such as 'qr-code.png'")
            }
            // The Content-ID goes between brackets in a header: a closed alphabet, no escaping to get wrong.
            guard !image.contentID.isEmpty, image.contentID.utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || Array(".-_@".utf8).contains(byte)
            }) else {
                throw CompositionError(code: .invalidIdentifier, field: "inlineImages[\(index)].contentID",
                                       message: "'\(image.contentID)' is not a Content-ID of letters, digits and . - _ @ such as 'epc-qr@relance'")
            }
            guard Self.isMediaType(image.mediaType), image.mediaType.hasPrefix("image/") else {
                throw CompositionError(code: .invalidMediaType, field: "inlineImages[\(index)].mediaType",
                                       message: "'\(image.mediaType)' is not a bare image media type such as 'image/png'")
            }
        }
    }

    private func checkName(_ mailbox: MailboxAddress, field: String) throws(CompositionError) {
        if let name = mailbox.name { try HeaderText.check(name, field: "\(field).name") }
    }

    /// `type/subtype` of RFC 2045 token characters, nothing else (no parameters, no spaces).
    static func isMediaType(_ text: String) -> Bool {
        let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !tspecials.contains($0) }
        }
    }

    // MARK: - Headers

    private func appendEnvelopeHeaders(of message: OutgoingMessage, to output: inout [UInt8]) {
        append(header: "Date", pieces: [message.date.headerValue], to: &output)
        append(header: "From", pieces: mailboxListPieces([message.from], header: "From"), to: &output)
        if !message.replyTo.isEmpty {
            append(header: "Reply-To", pieces: mailboxListPieces(message.replyTo, header: "Reply-To"), to: &output)
        }
        append(header: "To", pieces: mailboxListPieces(message.to, header: "To"), to: &output)
        if !message.cc.isEmpty {
            append(header: "Cc", pieces: mailboxListPieces(message.cc, header: "Cc"), to: &output)
        }
        append(header: "Subject", pieces: HeaderText.unstructuredPieces(message.subject, firstLineRoom: room(after: "Subject")), to: &output)
        append(header: "Message-ID", pieces: [message.messageID.bracketed], to: &output)
        for header in message.extraHeaders {
            switch header {
            case .inReplyTo(let id):
                append(header: "In-Reply-To", pieces: [id.bracketed], to: &output)
            case .references(let ids) where !ids.isEmpty:
                append(header: "References", pieces: ids.map(\.bracketed), to: &output)
            case .references:
                break
            case .organization(let text):
                append(header: "Organization", pieces: HeaderText.unstructuredPieces(text, firstLineRoom: room(after: "Organization")), to: &output)
            }
        }
        append(header: "Auto-Submitted", pieces: ["auto-generated"], to: &output)
        if let language = message.language {
            append(header: "Content-Language", pieces: [language.rawValue], to: &output)
        }
        append(header: "MIME-Version", pieces: ["1.0"], to: &output)
    }

    /// Characters left on a header's first line after `Name: `.
    private func room(after name: String) -> Int { HeaderText.maxLineLength - name.count - 2 }

    private func mailboxListPieces(_ mailboxes: [MailboxAddress], header: String) -> [String] {
        var pieces: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let address = "<\(mailbox.address.value)>" + (index < mailboxes.count - 1 ? "," : "")
            if let name = mailbox.name, !name.isEmpty {
                let firstRoom = index == 0 ? room(after: header) : HeaderText.maxLineLength - 1
                pieces += HeaderText.phrasePieces(name, firstLineRoom: firstRoom)
                pieces.append(address)
            } else {
                pieces.append(index < mailboxes.count - 1 ? "\(mailbox.address.value)," : mailbox.address.value)
            }
        }
        return pieces
    }

    private func append(header name: String, pieces: [String], to output: inout [UInt8]) {
        append(HeaderText.fold(name: name, pieces: pieces), to: &output)
    }

    private func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    // MARK: - Bodies

    /// The readable part: `text/plain`, or `multipart/alternative` when there is HTML.
    private func appendBody(of message: OutgoingMessage, boundaries: Boundaries, to output: inout [UInt8]) {
        guard let html = message.htmlBody else {
            appendTextPart(message.textBody, subtype: "plain", to: &output)
            return
        }
        let boundary = boundaries.alternative
        append(header: "Content-Type", pieces: ["multipart/alternative;", "boundary=\"\(boundary)\""], to: &output)
        append("\r\n--\(boundary)\r\n", to: &output)
        appendTextPart(message.textBody, subtype: "plain", to: &output)
        append("--\(boundary)\r\n", to: &output)
        if message.inlineImages.isEmpty {
            appendTextPart(html, subtype: "html", to: &output)
        } else {
            // RFC 2387: the HTML first (the root), then what it shows by cid:.
            let related = boundaries.related
            append(header: "Content-Type", pieces: ["multipart/related;", "type=\"text/html\";", "boundary=\"\(related)\""], to: &output)
            append("\r\n--\(related)\r\n", to: &output)
            appendTextPart(html, subtype: "html", to: &output)
            for image in message.inlineImages {
                append("--\(related)\r\n", to: &output)
                appendInlineImage(image, to: &output)
            }
            append("--\(related)--\r\n", to: &output)
        }
        append("--\(boundary)--\r\n", to: &output)
    }

    private func appendInlineImage(_ image: InlineImage, to output: inout [UInt8]) {
        let quoted = "\"" + image.fileName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        append(header: "Content-Type", pieces: ["\(image.mediaType);", "name=\(quoted)"], to: &output)
        append(header: "Content-Disposition", pieces: ["inline;", "filename=\(quoted)"], to: &output)
        append("Content-ID: <\(image.contentID)>\r\nContent-Transfer-Encoding: base64\r\n\r\n", to: &output)
        Base64Encoder.append(image.bytes, to: &output, lineLength: 76)
    }

    /// Part headers, a blank line, then the QP body, which always ends with CRLF: that CRLF
    /// is the one a following `--boundary` line needs before it (RFC 2046 §5.1.1), so a
    /// body's own final line break is not kept, which no reader of a reminder can notice.
    private func appendTextPart(_ text: String, subtype: String, to output: inout [UInt8]) {
        append("Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", to: &output)
        QuotedPrintableEncoder.append(text: text, to: &output)
    }

    private func appendAttachment(_ attachment: MailAttachment, to output: inout [UInt8]) {
        let name = attachment.fileName
        let isPlainASCII = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if isPlainASCII {
            append(header: "Content-Type", pieces: ["\(attachment.mediaType);", "name=\(quoted)"], to: &output)
            append(header: "Content-Disposition", pieces: ["attachment;", "filename=\(quoted)"], to: &output)
        } else {
            // RFC 2231 for the standard, and an encoded word in `name` for older clients.
            let encodedWords = HeaderText.encodedWords(name, firstLineRoom: HeaderText.maxLineLength - 8)
            append(header: "Content-Type", pieces: ["\(attachment.mediaType);", "name=\"" + encodedWords.joined(separator: " ") + "\""], to: &output)
            append(header: "Content-Disposition", pieces: ["attachment;"] + rfc2231Pieces(name), to: &output)
        }
        append("Content-Transfer-Encoding: base64\r\n\r\n", to: &output)
        Base64Encoder.append(attachment.bytes, to: &output, lineLength: 76)
        if attachment.bytes.isEmpty { append("\r\n", to: &output) }
    }

    /// `filename*=utf-8''…`, or `filename*0*=utf-8''…; filename*1*=…` continuations of at most ~60 characters, split
    /// between percent-escapes so that each line stays within 78.
    private func rfc2231Pieces(_ name: String) -> [String] {
        let attrChars = Set("!#$&+-.^_`|~".utf8)
        var escaped: [String] = []
        for byte in name.utf8 {
            let isAttrChar = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || attrChars.contains(byte)
            escaped.append(isAttrChar ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2))
        }
        var chunks: [String] = []
        var current = ""
        for piece in escaped {
            if current.count + piece.count > 54 {
                chunks.append(current)
                current = ""
            }
            current += piece
        }
        if !current.isEmpty { chunks.append(current) }
        if chunks.count == 1 { return ["filename*=utf-8''\(chunks[0])"] }
        return chunks.enumerated().map { index, chunk in
            let prefix = index == 0 ? "utf-8''" : ""
            return "filename*\(index)*=\(prefix)\(chunk)" + (index < chunks.count - 1 ? ";" : "")
        }
    }
}

/// MIME boundaries derived from the Message-ID: reproducible, unique per message, and
/// containing `=_`, which neither quoted-printable nor base64 output can contain.
struct Boundaries {
    let mixed: String
    let alternative: String
    let related: String

    init(messageID: MessageID) {
        let digest = SHA256.hash(data: Array(messageID.value.utf8))
        // Lowercase hex of the first 12 bytes, written at once (a string per byte, joined, was a
        // visible part of composing a reminder, issue #17).
        let digits = Array("0123456789abcdef".utf8)
        var hexBytes: [UInt8] = []
        hexBytes.reserveCapacity(24)
        for byte in digest.prefix(12) {
            hexBytes.append(digits[Int(byte >> 4)])
            hexBytes.append(digits[Int(byte & 15)])
        }
        let hex = String(decoding: hexBytes, as: UTF8.self)
        mixed = "=_relance_mixed_\(hex)"
        alternative = "=_relance_alt_\(hex)"
        related = "=_relance_rel_\(hex)"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
