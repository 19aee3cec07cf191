import Foundation
import RelanceCore
import RelanceTesting
import Testing

/// A file-system call's failure as people read it: the path and errno's meaning in their
/// language, read from what Foundation throws (its `CocoaError` keeps the POSIX error underneath).
@Suite struct FileSystemFailureWordingTests {
    @Test("errno's meaning, word for word", arguments: [
        (EACCES, "/srv/drop/processed : permission refusée", "/srv/drop/processed: permission denied"),
        (EPERM, "/srv/drop/processed : opération non permise", "/srv/drop/processed: operation not permitted"),
        (ENOSPC, "/srv/drop/processed : plus de place sur le disque", "/srv/drop/processed: no space left on the disk"),
        (EROFS, "/srv/drop/processed : système de fichiers en lecture seule", "/srv/drop/processed: read-only file system"),
        (EEXIST, "/srv/drop/processed : un fichier de ce nom existe déjà", "/srv/drop/processed: a file of that name already exists"),
        (EPROTO, "/srv/drop/processed : erreur système n°\u{00A0}\(EPROTO)", "/srv/drop/processed: system error \(EPROTO)"),
    ])
    func worded(code: Int32, french: String, english: String) {
        let failure = FileSystemFailure(path: "/srv/drop/processed", code: code)
        #expect(FrenchWording().fileSystemFailure(failure) == french)
        #expect(EnglishWording().fileSystemFailure(failure) == english)
        #expect(failure.description == english)
    }

    @Test func noErrnoIsAnUnknownCause() {
        let failure = FileSystemFailure(path: "/x", code: nil)
        #expect(FrenchWording().fileSystemFailure(failure) == "/x : cause inconnue")
        #expect(EnglishWording().fileSystemFailure(failure) == "/x: cause unknown")
    }

    @Test("the stuck reasons, word for word in both languages")
    func stuckReasons() {
        let cause = FileSystemFailure(path: "/srv/drop/rejected", code: EACCES)
        #expect(FrenchWording().notMovedToProcessed(importID: 12, cause: cause)
            == "importé (import n°\u{00A0}12) mais n'a pas pu être déplacé dans `processed/` : /srv/drop/rejected : permission refusée")
        #expect(EnglishWording().notMovedToProcessed(importID: 12, cause: cause)
            == "imported as #12 but could not be moved to processed/: /srv/drop/rejected: permission denied")
        #expect(FrenchWording().notMovedToRejected(reason: "Le fichier n'a pas été lu.", cause: cause)
            == "Le fichier n'a pas été lu.\nIl n'a pas non plus pu être déplacé dans `rejected/` : /srv/drop/rejected : permission refusée")
        #expect(EnglishWording().notMovedToRejected(reason: "The file was not read.", cause: cause)
            == "The file was not read.\nIt could not be moved to rejected/ either: /srv/drop/rejected: permission denied")
        // The path is the machine's (`/srv/drop/rejected` has an English word in it): the words around it are French.
        let processed = FileSystemFailure(path: "/srv/drop/processed/2026-12-07", code: EACCES)
        for text in [FrenchWording().notMovedToProcessed(importID: 12, cause: processed), FrenchWording().fileSystemFailure(processed)] {
            #expect(LanguageLeaks.englishIn(text).isEmpty, "\(text)")
        }
    }

    @Test("a dropped file the system would not read: why, word for word in both languages")
    func readRefusals() {
        let cause = FileSystemFailure(path: "/srv/drop/open.csv", code: EACCES)
        #expect(FrenchWording().dropRefusal(.cannotOpen(cause))
            == "Le fichier n'a pas pu être lu : impossible de l'ouvrir : /srv/drop/open.csv : permission refusée. Vérifiez ses droits (l'utilisateur relance doit pouvoir le lire).")
        #expect(EnglishWording().dropRefusal(.cannotOpen(cause))
            == "The file could not be read: cannot open it: /srv/drop/open.csv: permission denied. Check its permissions (the relance user must be able to read it).")
        let io = FileSystemFailure(path: "/srv/drop/open.csv", code: EIO)
        #expect(FrenchWording().dropRefusal(.readStopped(byte: 4096, of: 10_000, cause: io))
            == "Le fichier n'a pas pu être lu : la lecture s'est arrêtée à l'octet 4\u{202F}096 sur 10\u{202F}000 : /srv/drop/open.csv : erreur d'entrée-sortie (le disque ou le partage réseau)")
        #expect(EnglishWording().dropRefusal(.readStopped(byte: 4096, of: 10_000, cause: io))
            == "The file could not be read: reading stopped at byte 4096 of 10000: /srv/drop/open.csv: input/output error (the disk or the network share)")
        #expect(FrenchWording().dropRefusal(.readStopped(byte: 4096, of: 10_000, cause: nil)).hasSuffix(" : le fichier a raccourci pendant la lecture"))
        #expect(EnglishWording().dropRefusal(.readStopped(byte: 4096, of: 10_000, cause: nil)).hasSuffix(": the file shrank while being read"))
    }

    @Test("read from Foundation's own error: the path it names and the POSIX code underneath")
    func fromFoundation() throws {
        let workspace = try TemporaryWorkspace("relance-fs-failure")
        let file = try workspace.write("plain", "x")
        let below = file.appendingPathComponent("folder")
        let thrown: any Error
        do {
            try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
            Issue.record("a folder was made under a plain file")
            return
        } catch {
            thrown = error
        }
        let failure = FileSystemFailure(thrown, path: "/elsewhere")
        #expect(failure == FileSystemFailure(path: below.path, code: ENOTDIR), "\(thrown)")
        #expect(FrenchWording().fileSystemFailure(failure) == "\(below.path) : un élément du chemin n'est pas un dossier")
        // A failure already made passes through; a POSIXError gives its code.
        #expect(FileSystemFailure(failure, path: "/elsewhere") == failure)
        #expect(FileSystemFailure(POSIXError(.EACCES), path: "/p") == FileSystemFailure(path: "/p", code: EACCES))
    }
}
