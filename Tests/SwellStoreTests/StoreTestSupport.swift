import Foundation
import Logging
import SwellCore

func sampleComplaint(_ n: Int, at receivedAt: String = "2026-07-01T08:15:00Z", product: String? = "AU-8D-0612") -> NewComplaint {
    NewComplaint(
        externalId: "hotline-\(n)", receivedAt: RFC3339.parse(receivedAt)!, channel: .hotline,
        text: "酒店与合同不符，说好的四星变成了汽车旅馆 #\(n)", complainant: Complainant(name: "客人\(n)", phone: "1381234\(String(format: "%04d", n))"),
        product: product, departure: CalendarDate("2026-06-12"))
}

let storeNow = RFC3339.parse("2026-07-02T00:00:00Z")!

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("swell-test-\(UUID().uuidString).sqlite").path
}

/// Quiet unless something goes wrong.
let testLogger: Logger = {
    var logger = Logger(label: "swell.store.test")
    logger.logLevel = .warning
    return logger
}()

struct TimedOut: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "timed out after \(seconds) s" }
}

/// Runs `body`, failing with `TimedOut` when it takes longer than `seconds`.
@discardableResult
func withTimeout<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
