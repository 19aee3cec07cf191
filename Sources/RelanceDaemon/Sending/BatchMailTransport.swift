public import RelanceCore

/// A transport that carries a run of messages in one go (`SMTPTransport`: one connection, one
/// hand-over to the connection's thread for the whole run instead of two thread hops a message).
///
/// The sender keeps its say on every message: `mayStart` is asked before each one (a pause or a
/// stop seen since the previous message ends the run there, nothing more leaves), and `proceed`
/// after each one with its outcome (an outcome the sender must record on its own ends the run).
/// Both run on the transport's thread, between two messages.
public protocol BatchMailTransport: MailTransport {
    /// The outcomes of the messages attempted, in order: a prefix of `messages`, empty when
    /// `mayStart` refused the first one.
    func deliver(_ messages: [OutboxMessage], mayStart: @escaping @Sendable (OutboxMessage) -> Bool,
                 proceed: @escaping @Sendable (OutboxMessage, DeliveryOutcome) -> Bool) async -> [DeliveryOutcome]
}
