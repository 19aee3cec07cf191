public import RelanceCore

/// The signed reference every outgoing message carries, so that a bounce or a reply can be
/// matched back to the outbox message that caused it, and nobody can forge one that would
/// make Relance mark somebody else's message as bounced or answered.
///
/// Spelling: lowercase base32 (no padding) of `tag(10 bytes) ‖ id`, where `id` is the outbox
/// message id as minimal big-endian bytes (1–8) and `tag` is HMAC-SHA256 over a version
/// label, the creditor id and the 8-byte id, truncated to 80 bits. 18 to 29 characters:
/// `bounces+TOKEN` stays far below the 64-character limit of a local part whatever the
/// creditor id's length, which is why the creditor is bound by the tag instead of spelled
/// out (a 64-character creditor id could not fit). Verification therefore takes the
/// creditors the token may belong to: the creditors sharing the mailbox it arrived in.
public struct ReferenceToken: Sendable, Hashable, CustomStringConvertible {
    public let messageID: Int64
    public let creditor: CreditorID

    static let tagByteCount = 10
    private static let label = "relance-reference-v1"

    public init(messageID: Int64, creditor: CreditorID) {
        self.messageID = messageID
        self.creditor = creditor
    }

    public var description: String { "ReferenceToken(message \(messageID), creditor \(creditor))" }

    /// The token text: only `[a-z2-7]`, 18–29 characters.
    public func string(secret: ReferenceSecret) -> String { string(secret: secret, label: Self.label) }

    /// Under another label, for another kind of reference (`DigestToken`): a token of one kind
    /// never verifies as the other.
    func string(secret: ReferenceSecret, label: String) -> String {
        let idBytes = Self.minimalBigEndian(UInt64(bitPattern: messageID))
        return TokenBase32.encode(Self.tag(messageID: messageID, creditor: creditor, secret: secret, label: label) + idBytes)
    }

    /// `make(messageID:creditor:secret:)` as a function, for call sites that read better so.
    public static func make(messageID: Int64, creditor: CreditorID, secret: ReferenceSecret) -> String {
        ReferenceToken(messageID: messageID, creditor: creditor).string(secret: secret)
    }

    /// The token if `text` was made with `secret` for one of `creditors`; nil otherwise
    /// (malformed, tampered, wrong secret, unknown creditor). Case-insensitive, because
    /// mail systems may case-fold the local part that carried it. Tags are compared in
    /// constant time.
    public static func verify(_ text: some StringProtocol, secret: ReferenceSecret,
                              creditors: some Sequence<CreditorID>) -> ReferenceToken? {
        verify(text, secret: secret, creditors: creditors, label: label)
    }

    static func verify(_ text: some StringProtocol, secret: ReferenceSecret,
                       creditors: some Sequence<CreditorID>, label: String) -> ReferenceToken? {
        guard (18...29).contains(text.utf8.count), let bytes = TokenBase32.decode(text),
              bytes.count > tagByteCount, bytes.count <= tagByteCount + 8
        else { return nil }
        let tag = Array(bytes[..<tagByteCount])
        let idBytes = bytes[tagByteCount...]
        // One id has one spelling: a leading zero byte would be a second one.
        guard idBytes.count == 1 || idBytes.first != 0 else { return nil }
        let id = Int64(bitPattern: idBytes.reduce(UInt64(0)) { ($0 << 8) | UInt64($1) })
        var found: ReferenceToken?
        for creditor in creditors {
            let expected = Self.tag(messageID: id, creditor: creditor, secret: secret, label: label)
            if constantTimeEquals(expected, tag), found == nil {
                found = ReferenceToken(messageID: id, creditor: creditor)
            }
        }
        return found
    }

    /// `verify` for one known creditor, such as the owner of the mailbox a reply arrived in.
    public static func verify(_ text: some StringProtocol, secret: ReferenceSecret,
                              creditor: CreditorID) -> ReferenceToken? {
        verify(text, secret: secret, creditors: [creditor])
    }

    /// HMAC-SHA256 of `label ‖ 0 ‖ creditor ‖ 0 ‖ id (8 bytes, big-endian)`, its first 10 bytes.
    private static func tag(messageID: Int64, creditor: CreditorID, secret: ReferenceSecret, label: String) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(label.utf8.count + creditor.rawValue.utf8.count + 10)
        message.append(contentsOf: label.utf8)
        message.append(0)
        message.append(contentsOf: creditor.rawValue.utf8)
        message.append(0)
        let id = UInt64(bitPattern: messageID)
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: id >> UInt64(shift))) }
        return secret.hmac.code(for: message).withUnsafeBytes { Array($0.prefix(tagByteCount)) }
    }

    private static func minimalBigEndian(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        } while rest != 0
        return bytes
    }

    private static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
