/// Titles seen in Sage, EBP, Cegid, Pennylane, Odoo, Dolibarr, QuickBooks and Xero exports,
/// normalized by `HeaderText`. Tier 1 titles are specific; tier 2 ones (`date`, `total`,
/// `client`…) only count when no tier 1 title claims the same field.
enum OpenInvoiceVocabulary {
    struct Entry { var field: OpenInvoiceField; var tier: Int; var french: Bool }

    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ field: OpenInvoiceField, tier: Int, french: Bool, _ titles: [String]) {
            for title in titles { table[title] = Entry(field: field, tier: tier, french: french) }
        }
        // The customer's code: the auxiliary (third-party) account of French ledgers, the client
        // or account code elsewhere. Tier 2 titles ("Compte", "Account"…) may also name a general
        // ledger account, so a specific title beside them wins.
        add(.customer, tier: 1, french: true, ["code client", "n client", "no client", "numero client", "numero de client",
                                               "num client", "id client", "identifiant client", "compte client", "n compte client",
                                               "code tiers", "compte tiers", "n compte tiers", "no compte tiers", "numero compte tiers",
                                               "numero de compte tiers", "num compte tiers", "compte de tiers", "n tiers", "no tiers",
                                               "numero tiers", "numero de tiers", "compte auxiliaire", "n compte auxiliaire",
                                               "numero compte auxiliaire", "numero de compte auxiliaire", "compte aux", "code auxiliaire",
                                               "compauxnum", "ref client", "reference client"])
        add(.customer, tier: 1, french: false, ["customer", "customer id", "customer code", "customer no", "customer number",
                                                "customer account", "customer ref", "customer reference", "account code", "account id",
                                                "client id", "client code", "contact id", "contact code", "debtor code", "debtor id",
                                                "debtor account", "customerid", "customercode", "accountnumber"])
        add(.customer, tier: 2, french: true, ["client", "compte", "tiers", "n compte", "no compte", "numero compte", "numero de compte"])
        add(.customer, tier: 2, french: false, ["account", "account no", "account number", "acct no"])
        add(.customerName, tier: 1, french: true, ["nom", "raison sociale", "nom client", "nom du client", "societe", "intitule",
                                                   "libelle client", "intitule client", "denomination", "intitule compte",
                                                   "intitule du compte", "intitule tiers", "intitule du tiers", "nom tiers", "nom du tiers",
                                                   "libelle tiers", "compauxlib"])
        add(.customerName, tier: 1, french: false, ["name", "customer name", "client name", "company", "company name", "contact",
                                                    "contact name", "account name", "debtor name", "contactname", "customername"])
        add(.email, tier: 1, french: true, ["courriel", "adresse email", "adresse e mail", "e mail client", "email client", "adresse mail"])
        add(.email, tier: 1, french: false, ["email", "e mail", "emails", "email address", "contact email", "customer email",
                                               "emailaddress"])
        add(.email, tier: 2, french: false, ["mail"])
        add(.invoice, tier: 1, french: true, ["n facture", "no facture", "n de facture", "numero facture", "numero de facture",
                                              "num facture", "piece", "n piece", "no piece", "numero piece", "numero de piece",
                                              "ref facture", "reference facture"])
        add(.invoice, tier: 1, french: false, ["invoice", "invoice no", "invoice number", "invoice n", "invoice id", "invoice ref",
                                               "invoice reference", "document no", "document number", "doc no", "inv no",
                                               "invoicenumber"])
        add(.invoice, tier: 2, french: true, ["numero", "num", "facture", "reference", "ref", "document"])
        add(.invoice, tier: 2, french: false, ["number", "no"])
        add(.issued, tier: 1, french: true, ["date facture", "date de facture", "date d emission", "date emission", "date piece",
                                             "date de piece", "date document"])
        add(.issued, tier: 1, french: false, ["invoice date", "issue date", "issued", "issued on", "document date", "date issued",
                                              "invoicedate"])
        add(.issued, tier: 2, french: true, ["date"])
        add(.due, tier: 1, french: true, ["echeance", "date d echeance", "date echeance", "date de echeance", "date limite",
                                          "date limite de paiement", "date d echeance de paiement"])
        add(.due, tier: 1, french: false, ["due date", "due", "payment due date", "due on", "date due", "duedate"])
        add(.total, tier: 1, french: true, ["montant ttc", "total ttc", "montant facture", "montant de la facture", "montant initial"])
        add(.total, tier: 1, french: false, ["invoice amount", "total amount", "invoice total", "original amount", "amount"])
        add(.total, tier: 2, french: true, ["total", "montant"])
        add(.open, tier: 1, french: true, ["reste du", "solde", "montant restant", "restant du", "reste a payer", "montant du",
                                           "solde du", "montant restant du", "reste a regler", "solde restant", "montant ouvert"])
        add(.open, tier: 1, french: false, ["open balance", "amount due", "balance", "balance due", "open amount", "outstanding",
                                            "amount outstanding", "remaining", "remaining amount", "open", "due amount",
                                            "invoiceamountdue", "amountdue"])
        add(.paid, tier: 1, french: true, ["montant regle", "deja regle", "montant paye", "montant encaisse",
                                           "total regle", "reglements"])
        add(.paid, tier: 1, french: false, ["amount paid", "paid amount", "total paid", "invoiceamountpaid", "amountpaid"])
        add(.currency, tier: 1, french: true, ["devise", "monnaie", "code devise"])
        add(.currency, tier: 1, french: false, ["currency", "cur", "ccy", "currency code"])
        return table
    }()

    /// Customer titles that reports also print over the customer's name, next to its code.
    static let bareCustomerTitles: Set<String> = ["client", "customer"]

    /// Titles of a line's own figures (quantity, unit price, line amount): an export that has
    /// them lists one row per invoice LINE and repeats the invoice's own amounts (total, amount
    /// due) on each of them, as Xero's does, so those amounts are counted once per invoice.
    static let lineTitles: Set<String> = ["lineamount", "line amount", "line total", "quantity", "qty", "unitamount",
                                          "unit amount", "unit price", "inventoryitemcode", "item code", "quantite",
                                          "prix unitaire", "montant ligne", "montant de la ligne"]
}
