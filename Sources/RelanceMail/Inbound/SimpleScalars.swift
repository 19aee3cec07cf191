/// The Unicode scalars for which Foundation's `range(of:)` (a canonical-equivalence search over
/// character clusters, through `NSString`) finds exactly what a byte search finds, so that
/// `DiagnosticPhrases` may search French and other Latin text over its bytes.
///
/// Why a byte search agrees on text and phrase made only of these scalars:
/// - each of them is a character cluster of its own wherever it stands: none is a combining
///   mark, a joiner, a variation selector, a prepended or Hangul letter, and CR (which clusters
///   with a following LF) is left out; so every byte match, which starts and ends on a scalar,
///   starts and ends on clusters too;
/// - no two of them are canonically equivalent (their canonical decompositions differ; the
///   singletons, such as the Kelvin and Ångström signs, lie outside): so clusters compare equal
///   exactly when they are the same scalar, and Foundation's first match is the first byte match.
/// `SimpleScalarsTests` checks both against Foundation for every scalar and pair of scalars here.
/// NUL, the soft hyphen and C1 controls are left out: nothing a phrase needs.
enum SimpleScalars {
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00: false                 // NUL: Foundation's search misreads it (a phrase holding one crashes it)
        case 0x0D: false                 // CR: clusters with a following LF
        case 0x00...0x7F: true           // the rest of ASCII
        case 0xAD: false                 // soft hyphen (a format character)
        case 0xA0...0x24F: true          // Latin-1 letters and signs, Latin Extended-A and -B
        case 0x2010...0x2027: true       // dashes, curly quotes, bullet, ellipsis
        case 0x202F, 0x20AC: true        // narrow no-break space (French), euro sign
        default: false
        }
    }

    static func holdsOnlySimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isSimple)
    }
}
