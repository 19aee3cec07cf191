public import RelanceCore

/// The digest's "To fix" lines, in the creditor's language: what keeps Relance from doing its
/// job, and what to do about it.
public enum DigestHealth {
    public static func dropFolderProblem(_ path: String, notAFolder: Bool, parentMissing: Bool, language: Language) -> String {
        switch (language, notAFolder) {
        case (.french, true):
            return "Le dossier de dépôt \(path) n'est pas un dossier : aucun export n'est lu. Corrigez drop_folder dans la configuration."
        case (.french, false):
            return "Le dossier de dépôt \(path) n'existe pas\(parentMissing ? ", ni le dossier qui le contient" : "") : "
                + "le partage est-il monté ? Aucun export n'est lu tant qu'il manque. Montez-le, créez le dossier ou corrigez drop_folder."
        case (.english, true):
            return "The drop folder \(path) is not a folder: no export is read. Correct drop_folder in the configuration."
        case (.english, false):
            return "The drop folder \(path) does not exist\(parentMissing ? ", nor does the folder above it" : ""): "
                + "is the share mounted? No export is read until it is back. Mount it, create the folder, or correct drop_folder."
        }
    }
}
