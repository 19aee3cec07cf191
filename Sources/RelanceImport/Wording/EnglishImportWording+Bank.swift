extension EnglishImportWording {
    func words(for problem: BankProblem) -> (what: String, toDo: String?) {
        let again = "Download the statement again from the bank."
        let damaged = "Download the statement again from the bank; the file is damaged."
        switch problem {
        case .notAStatement:
            return ("this file is not a bank statement Relance reads", "Download the statement as CFONB 120, camt.053 / camt.054 (ISO 20022 XML) or OFX.")
        case .cfonbRecordCode(let code):
            return ("record code \"\(code)\" is not a CFONB 120 statement record (01, 04, 05 or 07)",
                    "Download the statement again from the bank in the CFONB 120 format (relevé 120 caractères); a 240-character or a remittance file is not a statement.")
        case .cfonbRecordLength(let characters):
            return ("the record has \(characters) characters; a CFONB 120 record has exactly 120",
                    "The file was probably edited or cut: download the statement again from the bank, without opening it in a text editor.")
        case .cfonbTooManyRecords(let limit):
            return ("more than \(limit) records", "Split the statement by month.")
        case .cfonbWithoutLineEnds(let characters):
            return ("the file has no line ends and its \(characters) characters are not a whole number of 120-character records",
                    "The file was probably cut short: download the statement again from the bank.")
        case .cfonbNotADate(let text):
            return ("\"\(text)\" is not a date (DDMMYY)", damaged)
        case .cfonbNotACurrency(let code):
            return ("\"\(code)\" is not a currency code", damaged)
        case .cfonbNotAnAmount(let text):
            return ("\"\(text)\" is not a CFONB amount (13 digits and a sign character: { A–I positive, } J–R negative)", damaged)
        case .cfonbTooManyDecimals(let decimals, let currency):
            return ("the amount has \(decimals) decimals, more than \(currency) has", "Ask the bank for the statement in the account's currency.")
        case .camtMalformed(let truncated):
            return (truncated ? "the document ends before its root element is closed" : "the XML cannot be read (malformed XML)",
                    "Download the statement again from the bank: the file is damaged or was cut short.")
        case .camtNotAStatement:
            return ("this ISO 20022 document is not a bank statement (camt.052, camt.053 or camt.054)",
                    "Download the account statement (camt.053) or the credit notifications (camt.054) from the bank.")
        case .camtWithoutBookingDate:
            return ("the entry has no booking date (BookgDt/Dt or BookgDt/DtTm)",
                    "Download the statement again from the bank; an entry without a date cannot be read.")
        case .camtWithoutAmount:
            return ("the entry has no amount", again)
        case .camtWithoutCurrency(let amount):
            return ("the amount \(amount) has no valid currency (attribute Ccy)", again)
        case .camtDirection(let found):
            return ("the credit/debit indicator is \(found.map { "\"\($0)\"" } ?? "missing"), not CRDT or DBIT", again)
        case .camtNotAnAmount(let text, let currency):
            return ("\"\(text)\" is not an amount in \(currency)", again)
        case .ofxWithoutRoot:
            return ("the file has an OFX header but no <OFX> element", "Download the statement again from the bank; the file was cut short.")
        case .ofxWithoutAmount:
            return ("the transaction has no amount (TRNAMT)", again)
        case .ofxNotAnAmount(let text):
            return ("\"\(text)\" is not an amount (TRNAMT)", again)
        case .ofxWithoutDate(let found):
            return ("the transaction has no valid posting date (DTPOSTED, YYYYMMDD…): \(found ?? "none")", again)
        case .ofxUnclosedTag:
            return ("a tag is not closed by \">\"", damaged)
        case .ofxBadTagName:
            return ("a tag name is empty or too long", damaged)
        case .ofxValueTooLong(let tag, let limit):
            return ("the value of <\(tag)> is longer than \(limit) bytes", "This is not an OFX statement as banks send them.")
        }
    }
}
