import RelanceCore
import RelanceMail

/// Which of our reminders a message points to, by the signed token it carries: in the VERP
/// address it was delivered to (bounces), or in a Message-ID it quotes (replies quote ours in
/// In-Reply-To/References, bounces in the returned headers). Pure.
enum InboundMatcher {
    enum TokenMatch: Sendable, Hashable {
        case verified(ReferenceToken, viaVERP: Bool)
        /// Something shaped like our token that does not verify (forged, another key, another
        /// creditor): it acts on nothing.
        case unverified(String)
        case none
    }

    /// Headers that carry the address a message was delivered to.
    static let deliveryHeaders = ["Delivered-To", "X-Original-To", "To", "Envelope-To", "X-Envelope-To"]

    /// - Parameter bounceAddress: the creditor's bounce address; with VERP, `local+TOKEN@domain`.
    static func token(of message: MIMEMessage, _ classification: InboundClassification, creditor: CreditorID,
                      bounceAddress: EmailAddress, secret: ReferenceSecret) -> TokenMatch {
        var unverified: String?
        let prefix = bounceAddress.localPart.lowercased() + "+"
        var verpTokens = message.addresses(inHeaders: deliveryHeaders)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix("@" + bounceAddress.domain.lowercased()) }
            .compactMap { ReferenceAddressing.token(inAddress: $0).map(String.init) }
        if let token = classification.verpToken { verpTokens.append(token) }
        for text in verpTokens {
            if let token = ReferenceToken.verify(text, secret: secret, creditor: creditor) {
                return .verified(token, viaVERP: true)
            }
            unverified = unverified ?? "VERP address with token \(text)"
        }
        for reference in classification.references {
            guard let text = ReferenceAddressing.token(inMessageID: reference) else { continue }
            if let token = ReferenceToken.verify(text, secret: secret, creditor: creditor) {
                return .verified(token, viaVERP: false)
            }
            unverified = unverified ?? "reference <\(reference)>"
        }
        return unverified.map { .unverified($0) } ?? .none
    }
}
