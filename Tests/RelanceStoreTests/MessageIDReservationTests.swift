import Testing
@testable import RelanceStore

/// Ids handed to batches being composed (`AppDatabase.enqueue`): a batch reserved while another
/// is in flight gets ids after it; once the last one is stored, ids come from the store again.
@Suite struct MessageIDReservationTests {
    @Test func aBatchInFlightPushesTheNextOnesIdsAfterIt() {
        let reservation = MessageIDReservation()
        #expect(reservation.reserve(10, after: 5) == 5)
        // The store still says 5: the first batch is not written yet.
        #expect(reservation.reserve(10, after: 5) == 15)
        // The store already holds more than what was reserved (another program wrote): after it.
        #expect(reservation.reserve(3, after: 40) == 40)
    }

    @Test func releasingAnEarlierBatchKeepsTheLaterReservation() {
        let reservation = MessageIDReservation()
        let first = reservation.reserve(10, after: 1)
        let second = reservation.reserve(10, after: 1)
        reservation.release(first, count: 10)
        #expect(reservation.reserve(5, after: 11) == 21)
        reservation.release(second, count: 10)
        #expect(reservation.reserve(1, after: 11) == 26)
    }

    @Test func onceTheLastBatchIsStoredIdsComeFromTheStoreAgain() {
        let reservation = MessageIDReservation()
        let first = reservation.reserve(10, after: 1)
        reservation.release(first, count: 10)
        // Only 4 of its messages were stored: the next batch takes the ids left unused.
        #expect(reservation.reserve(10, after: 5) == 5)
    }
}
