import GRDB

extension AppDatabase {
    /// `v4-outbox-evidence`: what the server answered to each recipient (kept on the message,
    /// so that a refusal can be shown next to the address), and whether a copy of a sent
    /// message still has to be appended to the creditor's Sent folder. Also the index that
    /// lets a claim read the next due message in id order without sorting the whole queue
    /// (the claim names it: SQLite would otherwise pick `message_due` and sort every time).
    static let v2OutboxEvidence = """
        ALTER TABLE message_recipient ADD COLUMN reply TEXT;
        ALTER TABLE message_recipient ADD COLUMN verdict TEXT
            CHECK (verdict IS NULL OR verdict IN ('accepted', 'wrong-address', 'temporary', 'refused', 'our-problem'));
        ALTER TABLE message ADD COLUMN sent_copy TEXT CHECK (sent_copy IS NULL OR sent_copy IN ('pending', 'done'));
        CREATE INDEX message_sent_copy_pending ON message(creditor_id) WHERE sent_copy = 'pending';
        CREATE INDEX message_claimable ON message(id) WHERE state IN ('queued', 'retry');
        """
}
