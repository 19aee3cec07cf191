/// The task a dispute on an invoice is resolved on (`relance resume --invoice` records
/// `dispute-resolved` there), chosen the same way on both stores from what each reads: the newest
/// task that recorded a dispute naming the invoice, else the newest open task of its customer;
/// none when the invoice is not disputed.
public enum DisputeTaskChoice {
    public static func choose(invoiceIsDisputed: Bool, tasksThatRecordedTheDispute: [Int64], openTasksOfTheCustomer: [Int64]) -> Int64? {
        guard invoiceIsDisputed else { return nil }
        return tasksThatRecordedTheDispute.max() ?? openTasksOfTheCustomer.max()
    }
}
