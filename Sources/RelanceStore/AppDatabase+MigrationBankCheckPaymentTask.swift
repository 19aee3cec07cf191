import GRDB

extension AppDatabase {
    /// `v18-bank-check-payment-task`: a bank payment the ledger has not lettered was opened as a
    /// `hand-off` task, a kind of the ladder — one per customer (a second payment of the same
    /// customer joined the first's task, its advice lost) and taken by the planner for the
    /// customer's hand-off step. It is a payment to check (`check-payment`), one task per payment.
    /// Its machine reason code goes too: the title says it, the task's dedup key keeps it.
    static let bankCheckPaymentTaskMigration = """
        UPDATE task SET kind = 'check-payment', detail = json_remove(detail, '$.reason')
        WHERE kind = 'hand-off' AND dedup_key LIKE 'bank-payment-not-lettered:%';
        """
}
