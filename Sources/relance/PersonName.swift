import Foundation

/// Who is at the terminal, for the journal: `$SUDO_USER` (the person behind sudo), else `$USER`,
/// else the numeric uid.
enum PersonName {
    static var current: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["SUDO_USER", "USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) {
                return "\(name) (cli)"
            }
        }
        return "uid \(getuid()) (cli)"
    }
}
