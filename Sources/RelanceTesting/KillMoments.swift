import Foundation

/// The moments the SIGKILL tests kill a run at. `scripts/test.sh` (and CI, which must stay under
/// 25 minutes on 2 cores) runs an evenly spread sample that keeps both ends and the middle of
/// every range; `scripts/crash-soak.sh` sets `RELANCE_EVERY_KILL_MOMENT=1` and runs them all.
public enum KillMoments {
    public static let variable = "RELANCE_EVERY_KILL_MOMENT"

    /// `all` when the variable is set, else `count` of them, evenly spaced, first and last kept.
    public static func sample(_ all: [Int], count: Int) -> [Int] {
        if ProcessInfo.processInfo.environment[variable] == "1" || all.count <= count || count < 2 { return all }
        return (0..<count).map { all[$0 * (all.count - 1) / (count - 1)] }
    }
}
