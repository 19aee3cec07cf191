public import Foundation

extension FrenchWording {
    public func dropRefusal(_ refusal: DropRefusal) -> String {
        switch refusal {
        case .symbolicLink:
            "Le fichier n'a pas été lu : c'est un lien symbolique ; Relance ne lit que les fichiers déposés dans le dossier lui-même. Copiez le fichier au lieu de le lier."
        case .notARegularFile:
            "Le fichier n'a pas été lu : ce n'est pas un fichier ordinaire (un tube, une socket ou un périphérique). Déposez un fichier simple."
        case .controlCharactersInName:
            "Le fichier n'a pas été lu : son nom contient des caractères de contrôle. Renommez-le avec des lettres, des chiffres et une ponctuation simples."
        case .unreadable(let permissions):
            "Le fichier n'a pas été lu : ses droits (\(String(permissions, radix: 8))) ne permettent même pas à son propriétaire de le lire : il a été enregistré avec de mauvais droits. Enregistrez-le à nouveau, ou lancez `chmod u+r` dessus, puis déposez-le à nouveau."
        case .tooLarge(let bytes, let limit):
            "Le fichier n'a pas été lu : il fait \(language.grouped(bytes)) octets, au-delà de la limite de \(language.grouped(limit)) (maximum_file_megabytes). Découpez l'export ou relevez la limite."
        case .stoppedTwiceReading:
            """
            Relance s'est arrêté deux fois en lisant ce fichier (mémoire épuisée, arrêt forcé ou plantage), et l'a mis de côté pour \
            ne pas le relire à chaque redémarrage. Vérifiez que c'est bien l'export voulu (sa taille, son format) ; un fichier \
            aussi gros ou aussi imbriqué dépasse les limites de l'import. Déposez un export corrigé pour l'importer.
            """
        case .cannotOpen(let cause):
            "Le fichier n'a pas pu être lu : impossible de l'ouvrir : \(fileSystemFailure(cause)). Vérifiez ses droits (l'utilisateur relance doit pouvoir le lire)."
        case .readStopped(let byte, let total, let cause):
            "Le fichier n'a pas pu être lu : la lecture s'est arrêtée à l'octet \(language.grouped(byte)) sur \(language.grouped(total)) : \(cause.map(fileSystemFailure) ?? "le fichier a raccourci pendant la lecture")"
        }
    }

    public func rejectionReport(file: String, importID: Int64, at time: Date, reason: String) -> String {
        """
        Relance a refusé \(file) (import n°\u{00A0}\(importID)) le \(dateAndTimeUTC(time)).

        \(reason)

        Rien de ce fichier n'a été importé. Le fichier lui-même est conservé ici, tel quel.
        Corrigez l'export (ou la configuration) et déposez à nouveau le fichier corrigé dans le dossier de dépôt.

        """
    }
}

extension FrenchWording {
    public func fileSystemFailure(_ failure: FileSystemFailure) -> String {
        let why = switch failure.cause {
        case .permissionDenied: "permission refusée"
        case .notPermitted: "opération non permise"
        case .notFound: "fichier ou dossier introuvable"
        case .alreadyExists: "un fichier de ce nom existe déjà"
        case .notAFolder: "un élément du chemin n'est pas un dossier"
        case .isAFolder: "c'est un dossier"
        case .diskFull: "plus de place sur le disque"
        case .quotaExceeded: "quota de disque dépassé"
        case .readOnlyFileSystem: "système de fichiers en lecture seule"
        case .otherFileSystem: "la destination est sur un autre système de fichiers"
        case .busy: "fichier ou dossier occupé"
        case .nameTooLong: "nom trop long"
        case .tooManySymbolicLinks: "trop de liens symboliques"
        case .inputOutput: "erreur d'entrée-sortie (le disque ou le partage réseau)"
        case .tooManyOpenFiles: "trop de fichiers ouverts"
        case .folderNotEmpty: "le dossier n'est pas vide"
        case .system(let code): "erreur système n°\u{00A0}\(code)"
        case .unknown: "cause inconnue"
        }
        return "\(failure.path) : \(why)"
    }

    public func notMovedToProcessed(importID: Int64, cause: FileSystemFailure) -> String {
        "importé (import n°\u{00A0}\(importID)) mais n'a pas pu être déplacé dans `processed/` : \(fileSystemFailure(cause))"
    }

    public func notMovedToRejected(reason: String, cause: FileSystemFailure) -> String {
        "\(reason)\nIl n'a pas non plus pu être déplacé dans `rejected/` : \(fileSystemFailure(cause))"
    }
}
