public import RelanceCore
public import RelanceStore

/// Every store port the daemon, the commands and the console use: what a store must offer to
/// run Relance. The SQLite store (`AppDatabase`) and, for several daemons sharing one book, the
/// PostgreSQL store (`PostgresStore`) are the two; nothing above the store names either type.
public typealias RelanceBook = ReceivablesStore & OutboxStore & OutboxBatchStore & OutboxRecoveryStore & EventJournal
    & TaskStore & TaskOutcomeStore & TaskReportStore & CustomerStateStore & CustomerProfileStore & CorrectedAddressStore
    & DoNotRemindStore & ImportReviewStore & ImportHistoryStore & InboundStore & MailLogStore & MessageInspectionStore
    & MessageReviewStore & PlanningFactsStore & AgingSummaryStore & RetentionStore & BankPaymentStore & BankReceiptStore
    & ConsolePagesStore & ConsoleSessionStore & ConsoleUserStore
