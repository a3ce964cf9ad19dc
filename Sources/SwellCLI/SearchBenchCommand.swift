import ArgumentParser
import Foundation
import SwellCore
import SwellStore

extension BenchCommand {
    /// `swell bench search`: times searches on a stored case store (the store call behind `GET /v1/complaints?q=`,
    /// without HTTP), for BENCHMARKS.md.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time full-text searches on a store: p50, p99 and max per query (first page, then page 2).")

        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("q"), help: "A search text; repeat for several.") var queries: [String] = []
        @Option(help: "Timed runs per query (after one warm-up run).") var runs = 50
        @Option(help: "Page size.") var limit = 50
        @Option(help: "newest or relevance.") var sort = "newest"
        @Option(help: "Also filter by this product.") var product: String?

        func run() async throws {
            guard let order = ComplaintSearch.Order(rawValue: sort) else { throw ValidationError("--sort must be newest or relevance") }
            let (queries, runs, limit, product) = (self.queries, self.runs, self.limit, self.product)
            try await store.withStore { store in
                for text in queries {
                    guard let search = ComplaintSearch(text, order: order) else { throw ValidationError("no letter or digit in \(text)") }
                    let query = ComplaintQuery(product: product, limit: limit, search: search)
                    let first = try await store.complaints(query)  // warm-up; its cursor is page 2's
                    var firstPage: [Double] = []
                    var secondPage: [Double] = []
                    for _ in 0..<runs {
                        firstPage.append(try await Self.milliseconds { _ = try await store.complaints(query) })
                        if let next = first.next {
                            var following = query
                            following.after = next
                            secondPage.append(try await Self.milliseconds { _ = try await store.complaints(following) })
                        }
                    }
                    print("q=\(text) sort=\(order.rawValue)\(product.map { " product=\($0)" } ?? ""): \(first.items.count) on page 1"
                        + "\(first.next == nil ? " (last page)" : ""); page 1 \(Self.summary(firstPage))"
                        + (secondPage.isEmpty ? "" : "; page 2 \(Self.summary(secondPage))"))
                }
            }
        }

        static func milliseconds(_ body: () async throws -> Void) async throws -> Double {
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { try await body() }
            return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        }

        static func summary(_ samples: [Double]) -> String {
            let sorted = samples.sorted()
            func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
            return String(format: "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d runs)", at(0.5), at(0.99), sorted.last ?? 0, sorted.count)
        }
    }
}
