/// Wakes a sleeping service early (after an import, the planner; after queuing, the sender).
/// Rings coalesce: ten rings while the service works make one wake-up, not ten.
public struct Doorbell: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    public func ring() { continuation.yield() }

    /// Returns at the first ring or after `timeout`, whichever comes first.
    public func wait(atMost timeout: Duration) async {
        let stream = stream
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                _ = await iterator.next()
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            _ = await group.next()
            group.cancelAll()
        }
    }
}
