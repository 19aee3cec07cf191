public import RelanceCore

/// `relance import --dry-run --json STATEMENT`: one JSON object per line and per entry, with
/// exactly these keys (absent values are `null`): `booked`, `value_date`, `amount` (a decimal
/// string, positive for money received), `currency`, `counterparty`, `counterparty_iban`,
/// `remittance`, `reference`, `bank_reference`, `account`.
public enum BankEntriesJSON {
    public static func line(_ entry: BankEntry) -> String {
        func string(_ value: String?) -> String { value.map(JSONString.literal) ?? "null" }
        return "{\"booked\":\(string(entry.booked.iso8601)),\"value_date\":\(string(entry.valueDate?.iso8601)),"
            + "\"amount\":\(string(entry.amount.decimalString)),\"currency\":\(string(entry.amount.currency.code)),"
            + "\"counterparty\":\(string(entry.counterparty)),\"counterparty_iban\":\(string(entry.counterpartyIBAN)),"
            + "\"remittance\":\(string(entry.remittance)),\"reference\":\(string(entry.reference)),"
            + "\"bank_reference\":\(string(entry.bankReference)),\"account\":\(string(entry.account))}"
    }

    public static func lines(_ entries: [BankEntry]) -> String {
        entries.map(line).joined(separator: "\n")
    }
}
