import Foundation
import Testing
import RelanceCore
import RelanceTesting

/// Why a message did not leave, the review task it opens, a failed planned action and the
/// purge's lines reach a French creditor's people in French (#13): our words translated, what a
/// server or the system said quoted as it came. An English creditor's read the words these
/// lines always had.
@Suite struct SendFailuresInTheCreditorsLanguageTests {
    static let french = FrenchWording()
    static let english = EnglishWording()

    static let refusals = [RecipientReply(address: "a@client.example", reply: "550 5.1.1 no such user", verdict: .wrongAddress),
                           RecipientReply(address: "b@client.example", reply: "550 5.7.1 relaying denied", verdict: .refused)]

    /// One failure of each kind, the last one wrapped as the drainer wraps it when it gives up.
    static let failures: [SendFailure] = [
        .reported("451 4.3.0 try again later"),
        .notAttempted,
        .addressRefused(address: "compta@client.example", reply: "550 5.7.1 sender not allowed"),
        .everyRecipientRefused(refusals),
        .everyRecipientRefusedAtOnce(.reported("554 5.7.0 rejected")),
        .outboxFolderUnwritable(FileSystemFailure(path: "/var/lib/relance/outbox", code: EACCES)),
        .outboxFileNotRenamed(FileSystemFailure(path: "/var/lib/relance/outbox/.00000012-first-reminder.eml.part", code: ENOSPC)),
        .gaveUp(attempts: 5, last: .reported("451 4.3.0 try again later")),
        .gaveUp(attempts: 1, last: .notAttempted),
    ]

    /// The sentence without what came from elsewhere (« … », a server's English).
    static func ours(_ text: String) -> String {
        var kept = "", quoted = false
        for character in text {
            if character == "«" { quoted = true } else if character == "»" { quoted = false } else if !quoted { kept.append(character) }
        }
        return kept
    }

    @Test func eachFailureIsSaidInFrenchWithTheServersWordsQuoted() {
        #expect(Self.failures.map(Self.french.sendFailure) == [
            "«\u{00A0}451 4.3.0 try again later\u{00A0}»",
            "envoi non tenté",
            "le serveur a refusé l'adresse compta@client.example : «\u{00A0}550 5.7.1 sender not allowed\u{00A0}»",
            "tous les destinataires ont été refusés : a@client.example : «\u{00A0}550 5.1.1 no such user\u{00A0}» ; b@client.example : «\u{00A0}550 5.7.1 relaying denied\u{00A0}»",
            "tous les destinataires ont été refusés d'un coup, pour une raison sans rapport avec leurs adresses : «\u{00A0}554 5.7.0 rejected\u{00A0}»",
            "impossible d'écrire dans le dossier d'envoi : /var/lib/relance/outbox : permission refusée",
            "impossible de donner son nom final au fichier : /var/lib/relance/outbox/.00000012-first-reminder.eml.part : plus de place sur le disque",
            "abandon après 5 tentatives ; dernière erreur : «\u{00A0}451 4.3.0 try again later\u{00A0}»",
            "abandon après 1 tentative ; dernière erreur : envoi non tenté",
        ])
        for failure in Self.failures {
            let line = Self.french.sendFailure(failure)
            #expect(LanguageLeaks.englishIn(Self.ours(line)).isEmpty, "\(line)")
        }
    }

    /// The words the transports and the drainer wrote before the failure became a value; only
    /// a single attempt reads in the singular now.
    @Test func eachFailureKeepsItsEnglishWords() {
        #expect(Self.failures.map(Self.english.sendFailure) == [
            "451 4.3.0 try again later",
            "not attempted",
            "compta@client.example refused: 550 5.7.1 sender not allowed",
            "every recipient was refused: a@client.example: 550 5.1.1 no such user; b@client.example: 550 5.7.1 relaying denied",
            "every recipient was refused at once, for no address-related reason: 554 5.7.0 rejected",
            "cannot write into the outbox folder: /var/lib/relance/outbox: permission denied",
            "cannot give the file its final name: /var/lib/relance/outbox/.00000012-first-reminder.eml.part: no space left on the disk",
            "gave up after 5 attempts: 451 4.3.0 try again later",
            "gave up after 1 attempt: not attempted",
        ])
        for failure in Self.failures {
            #expect(LanguageLeaks.frenchIn(Self.english.sendFailure(failure)).isEmpty)
        }
    }

    /// Every configuration fault (the outbox pauses on it; the digest and the console's Health
    /// page show it) and every SMTP failure kind, as a French creditor's people read them: our
    /// words French, the keys of relance.toml under their names, the server's words quoted.
    static let settingFaults: [SendingSettingFault.Kind] = [
        .noGreeting, .handshakeExpectsStartTLS, .handshakeFailed, .certificateUntrusted(host: "smtp.example", caFile: nil),
        .certificateUntrusted(host: "smtp.example", caFile: "/etc/ca.pem"), .caFileUnreadable(caFile: "/etc/ca.pem"),
        .startTLSUnavailable, .loginRefused(username: "compta", credential: "password_credential = \"smtp\""),
        .loginRefused(username: "compta", credential: nil), .credentialMissing(policyReply: "530 5.7.0 Authentication required"),
        .credentialUnavailable(credential: "smtp", variable: "RELANCE_CREDENTIAL_SMTP"),
        .evidenceCredentialUnavailable(credential: "imap", variable: "RELANCE_CREDENTIAL_IMAP"),
        .evidenceSettingsUnusable(detail: "IMAP: the settings cannot be used"), .evidenceFolderMissing(folder: "Archive", key: "archive_folder", keySection: "[creditors.acme]"),
        .evidenceLoginRefused(username: "archive"), .evidenceUnreadable(detail: "IMAP: could not connect"),
    ]
    static let smtpKinds: [SMTPFailure.Kind] = [
        .invalidConfiguration, .invalidEnvelopeAddress, .connectFailed, .tlsFailed, .certificateUntrusted, .caFileUnreadable,
        .startTLSUnavailable, .authenticationFailed, .senderRefused, .allRecipientsRefused, .temporaryFailure, .permanentFailure,
        .timeout, .connectionLost, .cancelled, .protocolError, .resourceUnavailable, .handOverDeadlinePassed,
    ]

    @Test func configurationAndSMTPFaultsAreSaidInFrench() {
        let faults = Self.settingFaults.map {
            SendFailure.setting(SendingSettingFault($0, server: "smtp.example:587", section: "[creditors.acme.smtp]",
                                                    serverReply: "454 4.7.0 TLS not available", libcurl: "Failed to connect"))
        }
        let smtp = Self.smtpKinds.map {
            SendFailure.smtp(SMTPFailure(kind: $0, serverReply: "421 4.3.2 Service not available", libcurl: "Failed to connect",
                                         description: "SMTP: the transport's English"))
        }
        for failure in faults + smtp + [.archiveRefused(address: "archive@acme.example", reply: "550 5.1.1 no such user")] {
            let line = Self.french.sendFailure(failure)
            #expect(LanguageLeaks.englishIn(Self.ours(line)).isEmpty, "\(line)")
            #expect(LanguageLeaks.frenchIn(Self.english.sendFailure(failure)).isEmpty)
        }
        #expect(Self.french.sendFailure(faults[2]) == "la négociation TLS avec smtp.example:587 a échoué. Vérifiez security dans "
            + "[creditors.acme.smtp] (\"starttls\" pour le port 587, \"tls\" pour le port 465) et ca_file (serveur : «\u{00A0}454 4.7.0 TLS "
            + "not available\u{00A0}» ; libcurl : «\u{00A0}Failed to connect\u{00A0}»).")
        #expect(Self.english.sendFailure(faults[2]) == "the TLS handshake with smtp.example:587 failed. Check security in "
            + "[creditors.acme.smtp] (\"starttls\" for port 587, \"tls\" for port 465) and ca_file (server: \"454 4.7.0 TLS not "
            + "available\"; libcurl: Failed to connect).")
        #expect(Self.french.sendFailure(smtp[2]) == "SMTP : connexion impossible au serveur SMTP ; le serveur a répondu «\u{00A0}421 4.3.2 "
            + "Service not available\u{00A0}» ; libcurl : «\u{00A0}Failed to connect\u{00A0}». Vérifiez host et port, et que le serveur fonctionne et est joignable.")
        #expect(Self.english.sendFailure(smtp[2]) == "SMTP: the transport's English")
        #expect(Self.french.sendFailure(.archiveRefused(address: "archive@acme.example", reply: "550 5.1.1 no such user"))
            == "le serveur a refusé la copie d'archive (archive_bcc, archive@acme.example) : après un incident, la reprise ne "
            + "trouverait aucune preuve de l'envoi et renverrait le message ; réponse du serveur : «\u{00A0}550 5.1.1 no such user\u{00A0}»")
    }

    @Test func theReviewTaskOfAMessageGivenUpOnIsTitledInTheCreditorsLanguage() {
        let failure = SendFailure.gaveUp(attempts: 5, last: .reported("451 4.3.0 try again later"))
        // The title says that Relance gave up and after how many attempts; the failure is the task's detail.
        #expect(Self.french.messageGivenUpTitle(messageID: 12, attempts: 5)
            == "La relance n°\u{00A0}12 n'a pas pu être envoyée : abandon après 5 tentatives")
        #expect(Self.french.messageGivenUpTitle(messageID: 12, attempts: 1)
            == "La relance n°\u{00A0}12 n'a pas pu être envoyée : abandon après 1 tentative")
        #expect(Self.english.messageGivenUpTitle(messageID: 12, attempts: 5) == "Reminder #12 could not be sent: gave up after 5 attempts")
        #expect(Self.english.messageGivenUpTitle(messageID: 12, attempts: 1) == "Reminder #12 could not be sent: gave up after 1 attempt")
        // The journal's line for the same failure, through the store's wording of it.
        #expect(Self.french.messageFailed(messageID: 12, reason: Self.french.sendFailure(failure))
            == "Message n°\u{00A0}12 en échec : abandon après 5 tentatives ; dernière erreur : «\u{00A0}451 4.3.0 try again later\u{00A0}»")
    }

    @Test func aFailedPlannedActionNamesTheStepInTheCreditorsLanguage() {
        #expect(Self.french.plannedActionFailed(step: "first-reminder", customer: "C1", error: "template not found")
            == "L'étape «\u{00A0}première relance\u{00A0}» n'a pas pu être exécutée pour le client C1 : «\u{00A0}template not found\u{00A0}»")
        #expect(Self.english.plannedActionFailed(step: "first-reminder", customer: "C1", error: "template not found")
            == "The first-reminder for customer C1 could not be carried out: template not found")
        let french = Self.french.plannedActionFailed(step: "first-reminder", customer: "C1", error: "")
        #expect(LanguageLeaks.englishIn(Self.ours(french)).isEmpty, "\(french)")
    }

    @Test func whyTheOutboxIsTriedAgainIsSaidInTheCreditorsLanguage() {
        #expect(Self.french.sendingRestart(.configurationReloaded) == "la configuration a été rechargée")
        #expect(Self.french.sendingRestart(.daemonStarted) == "Relance a démarré avec la configuration telle qu'elle est maintenant")
        #expect(Self.english.sendingRestart(.configurationReloaded) == "the configuration was reloaded")
        #expect(Self.english.sendingRestart(.daemonStarted) == "relance started with the configuration as it is now")
        for restart in [SendingRestart.configurationReloaded, .daemonStarted] {
            #expect(LanguageLeaks.englishIn(Self.french.sendingRestart(restart)).isEmpty)
            #expect(LanguageLeaks.frenchIn(Self.english.sendingRestart(restart)).isEmpty)
        }
    }

    @Test func thePurgesLinesCountInTheCreditorsLanguage() {
        let day = CivilDate(iso8601: "2026-11-01")!
        #expect(Self.french.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 30)
            == "Fichiers traités le 01/11/2026 supprimés (dossier processed/2026-11-01, conservés plus de 30 jours).")
        #expect(Self.french.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 1)
            == "Fichiers traités le 01/11/2026 supprimés (dossier processed/2026-11-01, conservés plus d'un jour).")
        #expect(Self.english.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 30) == "Processed files of 1 Nov 2026 removed (folder processed/2026-11-01, older than 30 days).")
        #expect(Self.english.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 1) == "Processed files of 1 Nov 2026 removed (folder processed/2026-11-01, older than 1 day).")
        #expect(Self.french.keptDocumentsPurged(1)
            == "1 document de facture conservé supprimé : plus aucune facture n'y renvoie (son client a été anonymisé).")
        #expect(Self.french.keptDocumentsPurged(2)
            == "2 documents de facture conservés supprimés : plus aucune facture n'y renvoie (leurs clients ont été anonymisés).")
        #expect(Self.english.keptDocumentsPurged(1)
            == "1 kept invoice document removed: no invoice refers to it any more (its customer was anonymised).")
        #expect(Self.english.keptDocumentsPurged(2)
            == "2 kept invoice documents removed: no invoice refers to them any more (their customers were anonymised).")
        for line in [Self.french.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 30), Self.french.keptDocumentsPurged(2)] {
            #expect(LanguageLeaks.englishIn(line).isEmpty, "\(line)")
        }
        for line in [Self.english.processedFilesPurged(day: day, folder: "2026-11-01", olderThanDays: 30), Self.english.keptDocumentsPurged(2)] {
            #expect(LanguageLeaks.frenchIn(line).isEmpty, "\(line)")
        }
    }
}
