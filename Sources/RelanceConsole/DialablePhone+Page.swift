import RelanceCore

extension DialablePhone {
    /// A number as the console's pages show it (`{{shown}}`) and dial it (`tel:{{dial}}`).
    static func pageValues(_ list: String) -> [[String: String]] {
        DialablePhone.list(list).map { ["shown": $0.shown, "dial": $0.dial] }
    }
}
