import Foundation
import RelanceCore

/// Reads a bounce's words (status code, SMTP reply, free text) and decides the cause.
/// The order of the rules matters: servers often send a generic code (5.0.0, 5.5.0, even
/// 5.7.1) with a precise text, or a precise code (5.1.1) with a text that says the mailbox
/// is full; the text is trusted first where it is unambiguous.
enum BounceDiagnosis {
    /// RFC 3463 code not glued to other digits or dots (so IP addresses do not match).
    private static let statusPattern = try! NSRegularExpression(pattern: #"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]|\d)"#)
    private static let replyCodePattern = try! NSRegularExpression(pattern: #"(?<![\d.])([245])\d\d(?![\d.])"#)

    private static let linkPattern = try! NSRegularExpression(pattern: #"https?://\S+"#)
    private static let addressPattern = try! NSRegularExpression(pattern: #"[^\s<>()\[\]'"]+@[^\s<>()\[\]'"]+"#)

    static func statusCodes(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return statusPattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }.filter { code in
            let parts = code.split(separator: ".").compactMap { Int($0) }
            return parts.count == 3 && parts[1] <= 7
        }
    }

    static func replyCode(in text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        return replyCodePattern.firstMatch(in: text, range: range)
            .flatMap { Range($0.range, in: text) }.flatMap { Int(text[$0]) }
    }

    /// `declaredStatus` is the Status field of an RFC 3464 report, when there is one.
    static func cause(status: String?, declaredStatus: String? = nil, text: String) -> BounceCause {
        // Addresses and links are dropped first: a mailbox or a help page may be named after
        // a reason ("filtered@…", "…/reason/#mailboxfull") without meaning it.
        // A diagnostic is a few lines; the cap keeps pathological input from costing seconds.
        var lowered = String(text.prefix(8_000)).lowercased().replacingOccurrences(of: "\n", with: " ")
        // Each pattern only where its literal part is (a link's "://", an address's "@"); a text
        // without it has no match, and the replacement would give it back unchanged.
        for (pattern, replacement, literal) in [(linkPattern, " ", "://"), (addressPattern, "<address>", "@")]
        where DiagnosticPhrases.firstOffset(of: literal, in: Array(lowered.utf8)) != nil {
            lowered = pattern.stringByReplacingMatches(in: lowered, range: NSRange(lowered.startIndex..., in: lowered), withTemplate: replacement)
        }
        // A field label ("Undeliverable Address: x@y") names the address, not a reason. Foundation's
        // replacement (a cluster search) only where the label's bytes are: each of its ASCII
        // characters is canonically equivalent to itself alone, so a match needs them as written.
        let label = "undeliverable address: <address>"
        if DiagnosticPhrases.firstOffset(of: label, in: Array(lowered.utf8)) != nil { lowered = lowered.replacingOccurrences(of: label, with: " ") }
        // Continuation lines of a wrapped diagnostic indent the rest of a phrase ("Host not\n    found").
        lowered = lowered.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        // Every search of `lowered` goes through it, as Foundation's `contains` would answer.
        let phrases = DiagnosticPhrases(lowered)
        // Local delivery programs failing (procmail, a pipe) are the receiving server's problem.
        if phrases.containsAny(mailerErrorPhrases) { return .transport }
        // Our sender address refused: nothing is wrong with the recipient's address.
        if phrases.containsAny(senderRejectedPhrases) { return .senderRejected }
        // Refused after the recipient was accepted (at DATA): a content filter, whatever it says.
        if phrases.containsAny(afterDataPhrases) { return .refused }
        let parts = status?.split(separator: ".").map(String.init) ?? []
        // X.1.7 and X.1.8 are about the sender's address or domain, whatever the text says of users.
        if parts.count == 3, parts[1] == "1", ["7", "8"].contains(parts[2]) { return .senderRejected }
        // Subject 2 of RFC 3463 is the mailbox's status: the mailbox exists. When the reporting
        // MTA's own Status field says so (or a remote says X.2.0), an "unknown user" in the
        // text is a filter's or a disabled account's wording, not a wrong address.
        let declaredParts = declaredStatus?.split(separator: ".").map(String.init) ?? []
        let mailboxExists = (parts.count == 3 && parts[1] == "2" && parts[2] == "0")
            || (declaredParts.count == 3 && declaredParts[1] == "2" && ["0", "1"].contains(declaredParts[2]))
        // au (KDDI) answers "550 : User unknown" for mail its customers' filters refuse.
        if phrases.contains("550 : user unknown") && (text.lowercased().contains("ezweb.ne.jp") || text.lowercased().contains("@au.com")) {
            return .refused
        }
        // When a report's text names several causes, the first one named is the server's answer;
        // later ones are usually advice or boilerplate.
        // Exchange's "550 5.5.0 Requested action not taken: mailbox unavailable" means no such
        // mailbox; a 4xx "mailbox unavailable" is a busy or locked mailbox, to be retried.
        let temporary = parts.first == "4" || (parts.isEmpty && replyCode(in: lowered).map { $0 < 500 } == true)
        let userPhrases = mailboxExists ? [] : unknownUserPhrases + (temporary ? [] : unavailableMailboxPhrases)
        let categories: [(BounceCause, [String])] = [
            (.mailboxFull, fullPhrases), (.moved, movedPhrases), (.unknownUser, userPhrases),
            (.unknownDomain, unknownDomainPhrases), (.mailboxDisabled, disabledPhrases), (.refused, refusedPhrases),
            (.transport, transportPhrases),
        ]
        var best: (cause: BounceCause, position: Int)?
        for (cause, candidates) in categories {
            for phrase in candidates {
                if let position = phrases.firstOffset(of: phrase), best == nil || position < best!.position {
                    best = (cause, position)
                }
            }
        }
        if let best {
            // A closed mailbox ("inactive", "disabled") that the server codes X.1.1 is an address
            // that no longer exists: the code is the server's own verdict on the address.
            if best.cause == .mailboxDisabled, parts.count == 3, parts[1] == "1", parts[2] == "1" { return .unknownUser }
            return best.cause
        }
        if mailboxExists { return .refused }
        if parts.count == 3 {
            switch (parts[1], parts[2]) {
            case ("1", "1"), ("1", "3"): return .unknownUser
            case ("1", "2"), ("1", "10"): return .unknownDomain
            case ("1", "6"): return .moved
            case ("2", "2"): return .mailboxFull
            case ("2", "1"): return .mailboxDisabled
            case ("4", "4"): return .unknownDomain // unable to route: no MX, no address for the host
            case ("7", _): return .refused
            case ("4", _), ("3", _), ("5", _): return .transport
            default: break
            }
        }
        // Postfix's bare "Recipient address rejected." names no reason but the address.
        if phrases.contains("recipient address rejected") || phrases.contains("address rejected") { return .unknownUser }
        return .unknown
    }

    /// How precise an RFC 3463 code is: X.0.0 says nothing, X.Y.0 names the subject, X.Y.Z the detail.
    static func specificity(_ code: String) -> Int {
        let parts = code.split(separator: ".")
        guard parts.count == 3 else { return 0 }
        return (parts[1] == "0" ? 0 : 1) + (parts[2] == "0" ? 0 : 1)
    }

    /// A code for reports that give none, so every recipient carries one.
    static func inferredStatus(cause: BounceCause, permanent: Bool) -> String {
        let klass = permanent ? "5" : "4"
        return switch cause {
        case .unknownUser: "\(klass).1.1"
        case .unknownDomain: "\(klass).1.2"
        case .moved: "\(klass).1.6"
        case .mailboxFull: "\(klass).2.2"
        case .mailboxDisabled: "\(klass).2.1"
        case .refused: "\(klass).7.1"
        case .senderRejected: "\(klass).7.1"
        case .transport: "\(klass).4.0"
        case .unknown: "\(klass).0.0"
        }
    }

    private static let mailerErrorPhrases = ["command output:", "procmail:", "mail forwarding loop", "malformed or unexpected name server reply"]
    private static let senderRejectedPhrases = [
        "sender address rejected", "after mail from", "in reply to mail from", "sender rejected", "sender verify failed",
        "sender domain", "envelope sender", "mail from command",
    ]
    private static let afterDataPhrases = ["end of data", "after data", "command data", "in reply to data", "after end of data"]
    private static let fullPhrases = [
        "mailbox full", "mailbox is full", "mailbox has exceeded", "over quota", "overquota", "quota exceeded",
        "exceeded storage", "exceeds quota", "exceed the quota", "exceeded its quota", "exceeded the quota", "quota exceed",
        "mailbox size limit", "insufficient disk space", "out of disk space", "mail box full", "disk quota",
        "user is over", "storage allocation", "not enough storage", "mailfolder is full", "boite pleine", "boîte pleine",
        "mailbox exceeds allowed size", "boîte aux lettres est pleine", "boîte aux lettres pleine", "quota dépassé", "would exceed mailbox quota", "recipient's mailbox is full", "mailbox over",
        "full mailbox", "account is full", "exceeded quota", "exceeds its quota", "quota for this mailbox",
    ]
    private static let movedPhrases = ["has moved", "address has changed", "is no longer valid at this domain", "no longer receives mail at this address"]
    private static let unknownUserPhrases = [
        "user unknown", "unknown user", "no such user", "user not found", "recipient not found", "recipient unknown",
        "unknown recipient", "no such recipient", "no such mailbox", "mailbox not found",
        "recipient address rejected: access denied",
        "does not exist", "doesn't exist", "does not have an account", "doesn't have a", "invalid recipient",
        "invalid mailbox", "addressee unknown", "not listed in", "unknown local part",
        "account does not exist", "no mailbox here", "bad destination mailbox", "unrouteable address",
        "recipient address rejected: undeliverable address", "no account by that name", "mailbox does not exist",
        "user doesn't", "user does not", "not a valid mailbox", "unknown mailbox", "not recognized", "invalid final delivery userid",
        "check if address is correct", "email address not valid", "address couldn't be found", "address could not be found",
        "no such address", "not our customer", "user invalid", "recipient is not", "no valid recipients", "unknown or illegal alias",
        "account not found", "not found in", "is not a valid user", "recipient no longer on server", "destin. sconosciuto",
        "utilisateur inconnu", "destinataire inconnu", "adresse introuvable", "adresse est introuvable", "n'existe pas", "no such account", "dd this user", "email account that you tried to reach does not",
        "is not known", "undeliverable address", "user is unknown",
        "unknown e-mail address", "unknown account", "not a known user",
        "user not known", "address is wrong", "wrong or no longer valid", "not a valid user",
        // Directory-based routers (ph/qi at universities) that find no such person.
        "no matches to nameserver query", "does not have a final email delivery point",
    ]
    private static let unavailableMailboxPhrases = [
        "requested action not taken: mailbox unavailable", "mailbox unavailable or not local", "550 mailbox unavailable",
    ]
    private static let unknownDomainPhrases = [
        "host unknown", "unknown host", "host not found", "domain not found", "unknown domain", "domain does not exist",
        "name or service not known", "host or domain name not found", "no mx", "mx record", "unrouteable mail domain",
        "nxdomain", "does not accept mail", "domain may not exist", "couldn't find a mail exchanger", "no smtp service", "null mx", "domain name not found",
        "no route to host", "hostname lookup failed", "illegal host", "domain is not", "unknown host or domain",
        "host or domain name", "could not be resolved", "dns error", "non-existent domain", "nonexistent domain",
        "unresolvable", "no such domain", "domain unknown", "bad domain", "invalid domain",
        "name service error", "dns lookup fail", "domain lookup fail", "hostname not found", "host name not found", "no such host",
    ]
    private static let disabledPhrases = [
        "disabled", "suspended", "inactive", "not active", "deactivated", "locked", "expired account", "account has been closed",
        "mailbox is frozen", "temporarily unavailable", "blocked mailbox",
    ]
    private static let refusedPhrases = [
        "spam", "blacklist", "blocklist", "block list", "black list", "rbl", "dnsbl", "spamhaus", "reputation", "policy",
        "blocked", "rejected for policy", "not allowed", "denied", "dmarc", "dkim", "spf", "authentication", "virus",
        "content rejected", "message rejected", "refused", "prohibited", "unsolicited", "bulk mail", "abuse",
        "ptr", "reverse dns", "not permitted", "filtered", "forbidden", "name was rejected",
    ]
    private static let transportPhrases = [
        "relaying denied", "relay access denied", "relay not permitted", "unable to relay", "relaying", "too large", "too big",
        "size limit", "message size", "exceeds size", "message length exceeds", "administrative limit", "timed out", "timeout",
        "connection refused", "connection reset", "lost connection", "could not connect", "connect to", "network", "tls",
        "starttls", "too many", "rate limit", "expired", "retry time", "deferred", "temporar", "syntax error", "protocol", "loop",
        // "Recipient address rejected: Media error / On hold": the store behind the mailbox, not the address.
        "media error", "on hold",
    ]
}
