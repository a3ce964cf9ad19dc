import Testing
@testable import SwellDetection

@Suite("MinHash LSH")
struct IndexTests {
    let hasher = MinHasher(bands: 10, rows: 2)

    @Test func identicalSetsShareEveryBand() {
        let features: [UInt32] = [3, 17, 99, 1024, 77_777]
        #expect(hasher.bandKeys(features) == hasher.bandKeys(features))
        #expect(hasher.bandKeys(features).count == 10)
    }

    @Test func disjointSetsShareNoBand() {
        let a = hasher.bandKeys(Array(0..<40))
        let b = hasher.bandKeys(Array(1000..<1040))
        #expect(Set(a).isDisjoint(with: Set(b)))
    }

    @Test func similarSetsUsuallyShareABand() {
        let base = Array(UInt32(0)..<50)
        let near = Array(UInt32(5)..<55)  // Jaccard 0.82
        #expect(!Set(hasher.bandKeys(base)).isDisjoint(with: Set(hasher.bandKeys(near))))
    }

    @Test func emptySetsHaveNoKeys() {
        #expect(hasher.bandKeys([]).isEmpty)
    }

    @Test func candidateSearchStaysBoundedAsHistoryGrows() {
        var detector = Detector()
        for i in 0..<600 {
            _ = detector.place(complaint(Int64(i + 1), "酒店早餐一般，房间有点小，第\(i)次入住", hours: Double(i) * 0.1))
        }
        let e = detector.evidence(for: complaint(10_000, "酒店早餐一般，房间有点小", hours: 61))
        #expect(detector.candidateClusters(for: e).count <= DetectorConfiguration.standard.maximumCandidates)
    }

    @Test func featureTableCountsAddsAndRemoves() {
        var table = FeatureTable()
        #expect(table[7] == 0)
        for key in UInt32(0)..<5000 { table.add(key &* 2_654_435_761, 2) }
        #expect(table.count == 5000)
        #expect(table[0] == 2)
        for key in UInt32(0)..<5000 where key % 2 == 0 { table.add(key &* 2_654_435_761, -2) }
        #expect(table.count == 2500)
        for key in UInt32(0)..<5000 {
            #expect(table[key &* 2_654_435_761] == (key % 2 == 0 ? 0 : 2))
        }
        table.setSlot(42, 0)
        #expect(table.slot(42) == 0)
        table.setSlot(42, nil)
        #expect(table.slot(42) == nil)
    }

    @Test func idTableSetsAndRemoves() {
        var table = IdTable()
        for id in Int64(-500)..<500 { table.set(id * 7919, Int32(id + 500)) }
        #expect(table.count == 1000)
        for id in Int64(-500)..<500 where id % 3 == 0 { table.remove(id * 7919) }
        for id in Int64(-500)..<500 {
            #expect(table[id * 7919] == (id % 3 == 0 ? nil : Int32(id + 500)))
        }
    }
}
