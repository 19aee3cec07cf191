/// The task model's sentences (#13), for callers that hold a `Language`: each is the creditor's
/// `Wording` (`ReasonWording`), the one place where people's words live.
public enum TaskWords {
    public static func letterNotPosted(_ kind: WorkTask.Kind, since: CivilDate, escalated: Bool, _ language: Language) -> String {
        language.wording.letterNotPosted(kind, since: since, escalated: escalated)
    }

    public static func callRetry(attempt: Int, of attempts: Int, retryOn: CivilDate, _ language: Language) -> String {
        language.wording.callRetry(attempt: attempt, of: attempts, retryOn: retryOn)
    }

    public static func noPhoneLeft(_ language: Language) -> String { language.wording.noPhoneLeft() }

    public static func paymentClaimed(paidOn: CivilDate?, means: String?, until: CivilDate, _ language: Language) -> String {
        language.wording.paymentClaimed(paidOn: paidOn, means: means, until: until)
    }

    public static func checkPaymentTitle(customer: String, invoices: [String], _ language: Language) -> String {
        language.wording.checkPaymentTitle(customer: customer, invoices: invoices)
    }

    public static func promiseBroken(until: CivilDate, amount: Money?, _ language: Language) -> String {
        language.wording.promiseBroken(until: until, amount: amount)
    }

    public static func acknowledgementsTitle(_ language: Language) -> String { language.wording.acknowledgementsTitle() }

    public static func replyHelp(_ language: Language) -> String { language.wording.replyHelp() }

}
