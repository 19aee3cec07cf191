import RelanceCore
public import RelanceMail

extension CreditorConfiguration {
    /// The creditor as its printed documents present it: the email profile plus the trade
    /// register entry, which the law asks for on business letters (art. R123-237 C. com.).
    public var documentProfile: CreditorProfile {
        CreditorProfile(legalName: legalName, addressLines: addressLines, siren: siren, vatNumber: vatNumber, iban: iban,
                        bic: bic, phone: phone, email: replyTo ?? senderAddress, signature: signature, rcs: rcs,
                        legalForm: legalForm, shareCapital: shareCapital, paymentReference: paymentReference)
    }
}
