/// What the outbox says when a message does not leave — the journal's failure and pause lines,
/// the review task opened when retries run out — in the creditor's language (#13). The failure
/// is a value (`SendFailure`): our words are said here, a server's reply is quoted as it came.
public protocol SendingWording: Sendable {
    /// `abandon après 5 tentatives ; dernière erreur : « 451 4.3.0 try again later »`.
    func sendFailure(_ failure: SendFailure) -> String
    /// The title of the review task opened when retries run out: that Relance gave up, and
    /// after how many attempts — `La relance n° 12 n'a pas pu être envoyée : abandon après 5
    /// tentatives`. The last failure is the task's detail (`reason`), said once, not here too.
    func messageGivenUpTitle(messageID: Int64, attempts: Int) -> String
}
