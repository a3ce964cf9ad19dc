import Testing
@testable import SwellDetection

@Suite("Manual corrections")
struct CorrectionTests {
    @Test func movedComplaintStaysWhereAPersonPutIt() throws {
        var detector = Detector()
        let hotel = placeAll(&detector, hotelDowngradeTellings(count: 4, firstId: 1))
        let other = detector.place(complaint(10, "大巴车粤B·12345在高速上抛锚，等了5个小时", hours: 5))
        let source = hotel[0].clusterId
        try detector.move(complaint: 1, to: other.clusterId)
        #expect(detector.clusterId(ofComplaint: 1) == other.clusterId)
        #expect(detector.cluster(source)?.memberIds.contains(1) == false)
        // A complaint that would bridge both clusters must not merge them back.
        let bridge = detector.place(complaint(20, "6月12日出发的澳洲团，海景大酒店降级，大巴车粤B·12345也抛锚了", hours: 6))
        #expect(bridge.merges.isEmpty)
        #expect(detector.clusterId(ofComplaint: 1) == other.clusterId)
    }

    @Test func moveRejectsUnknownIds() {
        var detector = Detector()
        let placed = detector.place(complaint(1, "酒店降级"))
        #expect(throws: DetectionError.unknownComplaint(99)) { try detector.move(complaint: 99, to: placed.clusterId) }
        #expect(throws: DetectionError.unknownCluster(99)) { try detector.move(complaint: 1, to: 99) }
    }

    @Test func splitMakesANewClusterThatIsNeverMergedBack() throws {
        var detector = Detector()
        let placements = placeAll(&detector, hotelDowngradeTellings(count: 8, firstId: 1))
        let cluster = placements[0].clusterId
        let members = try #require(detector.cluster(cluster)).memberIds
        let moving = Array(members.suffix(3))
        let newId = try detector.split(cluster: cluster, complaints: moving)
        #expect(newId != cluster)
        #expect(Set(try #require(detector.cluster(newId)).memberIds) == Set(moving))
        #expect(try #require(detector.cluster(cluster)).memberCount == members.count - 3)
        for (index, input) in hotelDowngradeTellings(count: 8, firstId: 100, startHour: 9).enumerated() {
            let placement = detector.place(input)
            #expect(placement.merges.isEmpty, "telling \(index) re-merged a split")
        }
        #expect(detector.cluster(newId) != nil && detector.cluster(cluster) != nil)
    }

    @Test func splitRejectsBadRequests() {
        var detector = Detector()
        let placements = placeAll(&detector, hotelDowngradeTellings(count: 3, firstId: 1))
        let cluster = placements[0].clusterId
        let lone = detector.place(complaint(50, "退款一直没到账", hours: 4))
        #expect(throws: DetectionError.unknownCluster(999)) { try detector.split(cluster: 999, complaints: [1]) }
        #expect(throws: DetectionError.complaintNotInCluster(complaint: 50, cluster: cluster)) {
            try detector.split(cluster: cluster, complaints: [50])
        }
        let everyone = detector.cluster(cluster)?.memberIds ?? []
        #expect(throws: DetectionError.splitWouldEmptyCluster(cluster)) { try detector.split(cluster: cluster, complaints: everyone) }
        #expect(throws: DetectionError.splitWouldEmptyCluster(lone.clusterId)) {
            try detector.split(cluster: lone.clusterId, complaints: [])
        }
    }

    @Test func mergeJoinsTwoClustersAndLiftsASplit() throws {
        var detector = Detector()
        let a = detector.place(complaint(1, "航班CA1234延误"))
        let b = detector.place(complaint(2, "退款一直没到账", hours: 1))
        try detector.merge(b.clusterId, into: a.clusterId)
        #expect(detector.cluster(b.clusterId) == nil)
        #expect(detector.cluster(a.clusterId)?.memberIds == [1, 2])
        #expect(throws: DetectionError.sameCluster(a.clusterId)) { try detector.merge(a.clusterId, into: a.clusterId) }
        #expect(throws: DetectionError.unknownCluster(b.clusterId)) { try detector.merge(b.clusterId, into: a.clusterId) }
    }
}
