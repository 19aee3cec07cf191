public import Foundation
public import RelanceMail

/// Reads `mail-templates/` into the renderer and checks it, so that a broken or unknown
/// variable stops start-up with the file and line instead of failing at send time.
public enum TemplateLoader {
    public static func files(in folder: URL) throws -> [String: String] {
        // A wrong templates_folder is one error naming where it looked, not one "template
        // missing" per template and language.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TemplateError(problems: [TemplateProblem(code: .missingTemplate, file: folder.path, message: """
                the templates folder does not exist (templates_folder, resolved to \(folder.path)): point templates_folder \
                at the mail-templates folder shipped with Relance (e.g. /usr/local/share/relance/mail-templates)
                """)])
        }
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw TemplateError(problems: [TemplateProblem(code: .missingTemplate, file: folder.path,
                                                           message: "the templates folder cannot be read: check templates_folder in the configuration")])
        }
        var files: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in walker where url.pathExtension == "mustache" {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        guard !files.isEmpty else {
            throw TemplateError(problems: [TemplateProblem(code: .missingTemplate, file: folder.path, message: """
                the templates folder holds no .mustache file (templates_folder, resolved to \(folder.path)): point \
                templates_folder at the mail-templates folder shipped with Relance, or copy it there
                """)])
        }
        return files
    }

    /// Loads and checks every template the given steps need, in every shipped language:
    /// emails (`requiredTemplates`) and printed letters (`requiredDocuments`, HTML required).
    public static func load(from folder: URL, requiredTemplates: [String], requiredDocuments: [String] = []) throws -> TemplateRenderer {
        let files = try files(in: folder)
        let (problems, renderer) = TemplateChecker(requiredTemplates: requiredTemplates, requiredDocuments: requiredDocuments)
            .checkAndBuild(files: files)
        guard problems.isEmpty else { throw TemplateError(problems: problems) }
        return try renderer ?? TemplateRenderer(files: files)
    }
}
