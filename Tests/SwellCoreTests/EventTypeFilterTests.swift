import Foundation
import Testing

@testable import SwellCore

@Suite struct EventTypeFilterTests {
    @Test func patternsMatchExactTypesGlobsAndEverything() throws {
        let filter = try EventTypeFilter(parsing: " warning.* , incident.opened,mention*")
        #expect(filter.patterns == ["warning.*", "incident.opened", "mention*"])
        #expect(filter.matches(.warningRaised))
        #expect(filter.matches(.incidentOpened))
        #expect(!filter.matches(.incidentStateChanged))
        #expect(filter.matches(.mentionsSpike) && filter.matches(.mentionFeedPolled))
        #expect(!filter.matches(.complaintReceived))
        #expect(EventTypeFilter.everything.matches(.tokenCreated))
        #expect(try EventTypeFilter(parsing: "*.created").matches(.taskCreated))
        #expect(try !EventTypeFilter(parsing: "*.created").matches(.taskUpdated))
        #expect(try EventTypeFilter(parsing: "task.*d").matches(.taskUpdated))
    }

    @Test func aBadOrSilentPatternIsAnErrorThatSaysWhich() {
        #expect(throws: EventTypeFilter.ParseError.empty) { try EventTypeFilter(parsing: " , ") }
        #expect(throws: EventTypeFilter.ParseError.matchesNothing("warnings.*")) { try EventTypeFilter(parsing: "warning.*,warnings.*") }
        #expect(throws: EventTypeFilter.ParseError.malformed("Warning.*")) { try EventTypeFilter(parsing: "Warning.*") }
        #expect(throws: EventTypeFilter.ParseError.malformed("warning.[a]")) { try EventTypeFilter(parsing: "warning.[a]") }
        let many = Array(repeating: "task.*", count: 65).joined(separator: ",")
        #expect(throws: EventTypeFilter.ParseError.tooMany(65)) { try EventTypeFilter(parsing: many) }
        #expect(EventTypeFilter.ParseError.matchesNothing("x.*").description == "'x.*' matches no event type")
    }

    /// Every `EventType("…")` declared in the sources is in the catalog, and the catalog names each once: a new
    /// kind of event cannot be forgotten by the feed's type check.
    @Test func theCatalogListsEveryDeclaredEventType() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        let declaration = /static let \w+ = EventType\("([a-z_.]+)"\)/
        var declared: Set<String> = []
        let files = FileManager.default.enumerator(at: sources.standardizedFileURL, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) { declared.insert(String(match.1)) }
        }
        let catalog = EventType.catalog.map(\.rawValue)
        #expect(declared.count > 40)
        #expect(Set(catalog) == declared)
        #expect(Set(catalog).count == catalog.count)
    }
}
