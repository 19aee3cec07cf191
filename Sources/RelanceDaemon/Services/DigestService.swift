import Logging
import RelanceCore
import ServiceLifecycle

/// Sends each creditor's daily digest once its hour has come (checked every quarter hour).
struct DigestService: Service {
    let runtimes: RuntimeHolder
    let interval: Duration
    let health: ServiceHealth

    func run() async throws {
        await ServiceLoop(name: "digest", logger: runtimes.logger, doorbell: nil, interval: interval, health: health).run {
            let runtime = await runtimes.current
            var sent = 0
            for sender in runtime.digestSenders
            where try await runtime.work.run(.digest(sender.creditor.id), { try await sender.sendIfDue() }) == true {
                sent += 1
            }
            return sent == 0 ? nil : .digestsSent(sent)
        }
    }
}
