/// How an inbound message was tied to us, for its journal line. A value rather than a phrase
/// worded once: in French the phrase agrees with the noun it follows — "Retour en erreur
/// rattaché…", "Réponse rattachée… par le Message-ID qu'elle cite".
public enum InboundMatch: Sendable, Hashable {
    /// A signed token named our message `id`, found in its VERP return address or in the
    /// Message-ID the inbound message cites.
    case message(id: Int64, byVERP: Bool)
    /// Sent from `address`, a contact address of `customers` customers (no token).
    case contact(address: String, customers: Int)
}
