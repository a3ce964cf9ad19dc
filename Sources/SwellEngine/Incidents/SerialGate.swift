/// Lets one operation at a time through, across suspension points: an actor alone is re-entrant at
/// every `await`, which would let an HTTP command slip between the follower's check and its write.
struct SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Whether the caller may go straight through; if not, it must wait with ``enqueue(_:)``.
    mutating func tryEnter() -> Bool {
        guard busy else {
            busy = true
            return true
        }
        return false
    }

    mutating func enqueue(_ continuation: CheckedContinuation<Void, Never>) {
        waiting.append(continuation)
    }

    /// Hands the gate to the next waiter, or opens it.
    mutating func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension IncidentEngine {
    /// Runs `body` while no other serialised operation of this engine runs.
    func serialized<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if !gate.tryEnter() {
            await withCheckedContinuation { gate.enqueue($0) }
        }
        defer { gate.leave() }
        return try await body()
    }
}
