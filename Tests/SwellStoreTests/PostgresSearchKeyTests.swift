import Foundation
import SwellCore
import Testing

@testable import SwellStore

/// The PostgreSQL search key must keep substring search exact: a query's key is inside a text's key exactly
/// when the folded query is inside the folded text.
@Suite struct PostgresSearchKeyTests {
    @Test func keysAreASCIIAndTellCharactersApart() {
        let key = PostgresSearchKey.of("酒店降級 Hotel é Ü😀")
        #expect(key.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(key == PostgresSearchKey.of("酒店降级 hotel é ü"))  // a symbol is a separator, dropped at the end
        #expect(key.hasSuffix(" hotel " + PostgresSearchKey.encode(folded: "é") + " " + PostgresSearchKey.encode(folded: "ü")))
        #expect(PostgresSearchKey.encode(folded: "一") != PostgresSearchKey.encode(folded: "丁"))
        #expect(PostgresSearchKey.encode(folded: "酒").count == 4)
    }

    @Test func substringSearchOnKeysIsSubstringSearchOnText() {
        // Characters whose keys could overlap at the wrong offset if the lead letter did not mark a start
        let alphabet = Array("一丁七万丈三上下酒店降级退款ab1 éü").map(String.init)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let query = (0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let folded = (text: SearchFolding.fold(text), query: SearchFolding.fold(query))
            guard !folded.query.isEmpty else { continue }
            let byKey = PostgresSearchKey.encode(folded: folded.text).contains(PostgresSearchKey.encode(folded: folded.query))
            #expect(byKey == folded.text.contains(folded.query), "\(text) / \(query)")
        }
    }
}
