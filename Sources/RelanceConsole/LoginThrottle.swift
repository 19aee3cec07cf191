import Foundation

/// Slows password guessing: after `perUser` failed logins for one user name, or `perAddress`
/// from one address, within `window`, further attempts are refused until the window passes.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private let window: TimeInterval
    private let perUser: Int
    private let perAddress: Int

    init(window: TimeInterval = 15 * 60, perUser: Int = 5, perAddress: Int = 20) {
        self.window = window
        self.perUser = perUser
        self.perAddress = perAddress
    }

    func isThrottled(user: String, address: String, now: Date) -> Bool {
        recent("user:" + user, now: now) >= perUser || recent("address:" + address, now: now) >= perAddress
    }

    func recordFailure(user: String, address: String, now: Date) {
        for key in ["user:" + user, "address:" + address] {
            failures[key, default: []].append(now)
        }
    }

    func recordSuccess(user: String) {
        failures["user:" + user] = nil
    }

    private func recent(_ key: String, now: Date) -> Int {
        let kept = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
