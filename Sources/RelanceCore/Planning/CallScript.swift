/// What the person making a reminder call says, line by line, in the creditor's language (the
/// script is for its staff): who to ask for, the invoices with amounts and days late, what was
/// done before, the questions to ask and the outcomes to record. The sentences are the
/// language's `Wording`.
public enum CallScript {
    public static func lines(for task: PlannedTask, creditorName: String, language: Language) -> [String] {
        let words = language.wording
        var lines = [
            words.callAskFor(customer: task.customer.name ?? task.customer.externalID, customerID: task.customer.externalID),
            words.callIntroduce(creditor: creditorName, invoiceCount: task.invoices.count),
        ]
        for invoice in task.invoices {
            lines.append("  " + words.callInvoice(number: invoice.receivable.number, amount: invoice.claimed,
                                                  due: invoice.receivable.due, daysLate: invoice.daysLate))
        }
        lines.append(task.priorActions.isEmpty ? words.callFirstContact(invoiceCount: task.invoices.count) : words.callEarlierActions(task.priorActions))
        // The formal steps that follow go by post: the address on file is checked now, laid out
        // as a letter prints it (NF Z10-011).
        let address = PostalAddress.letterLines(task.postalAddress)
        if !address.isEmpty { lines.append(words.callCheckAddress(address)) }
        return lines + words.callQuestions(invoiceCount: task.invoices.count)
    }
}
