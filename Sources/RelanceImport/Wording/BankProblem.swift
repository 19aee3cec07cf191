/// Why a bank statement was refused, with the values its sentence needs (see `ImportProblem.bank`).
public enum BankProblem: Sendable, Hashable {
    case notAStatement

    // CFONB 120
    case cfonbRecordCode(String)
    case cfonbRecordLength(characters: Int)
    case cfonbTooManyRecords(limit: Int)
    case cfonbWithoutLineEnds(characters: Int)
    case cfonbNotADate(String)
    case cfonbNotACurrency(String)
    case cfonbNotAnAmount(String)
    case cfonbTooManyDecimals(decimals: Int, currency: String)

    // camt.052 / 053 / 054
    case camtMalformed(truncated: Bool)
    case camtNotAStatement
    case camtWithoutBookingDate
    case camtWithoutAmount
    case camtWithoutCurrency(amount: String)
    case camtDirection(found: String?)
    case camtNotAnAmount(text: String, currency: String)

    // OFX
    case ofxWithoutRoot
    case ofxWithoutAmount
    case ofxNotAnAmount(String)
    case ofxWithoutDate(found: String?)
    case ofxUnclosedTag
    case ofxBadTagName
    case ofxValueTooLong(tag: String, limit: Int)
}
