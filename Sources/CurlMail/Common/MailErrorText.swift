/// The one wording of a mail error, shared by `SMTPError` and `IMAPError`:
/// `SMTP code: what happened (detail); server replied "…"; libcurl: …. What to do.`
enum MailErrorText {
    static func describe(protocol name: String, code: String, summary: String, detail: String?,
                         serverReply: (any CustomStringConvertible)?, curlMessage: String?, advice: String) -> String {
        // The code is for programs (`error.code`); people read the summary and the advice, which
        // name the configuration keys (`security`, `ca_file`…), never an enum case.
        var text = "\(name): \(summary)"
        if let detail { text += " (\(detail))" }
        if let serverReply { text += "; server replied \"\(serverReply)\"" }
        if let curlMessage { text += "; libcurl: \(curlMessage)" }
        return text + ". " + advice
    }
}
