import Foundation
import Hummingbird
import SwellCore
import SwellDetection
import SwellStore
import SwellEngine

/// `/v1/clusters`: what the detector grouped, and people's corrections (split, merge, move).
struct ClusterRoutes {
    let environment: ServerEnvironment

    func register(clusters: RouterGroup<SwellRequestContext>, complaints: RouterGroup<SwellRequestContext>) {
        clusters.get(use: list)
        clusters.get("{id}", use: show)
        clusters.post("{id}/split", use: split)
        clusters.post("{id}/merge", use: merge)
        complaints.post("{id}/move", use: move)
    }

    /// GET /v1/clusters — most recently growing first.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ClusterList> {
        let caller = try context.require(.readCases)
        let limit = try QueryValues.limit(request, default: 50, max: 500)
        let includeMerged = try QueryValues.flag(request, "includeMerged")
        let clusters = try await environment.store.clusters(limit: limit, includeMerged: includeMerged)
        return JSONResponse(ClusterList(items: clusters.map { ClusterView($0, for: caller.role) }))
    }

    /// GET /v1/clusters/{id} — members, top terms, representative text, counts per day, warnings.
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ClusterDetailView> {
        let caller = try context.require(.readCases)
        let id = try PathValues.id(context, ClusterID.self, "cluster")
        guard let snapshot = try await environment.store.cluster(id) else { throw Problem.notFound("There is no cluster \(id).") }
        let members = try await environment.store.complaints(ComplaintQuery(clusterId: id, limit: 200))
        var explanation: PlacementExplanation?
        if let complaintId = try QueryValues.integer(request, "complaintId") {
            guard let complaint = try await environment.store.complaint(ComplaintID(complaintId)) else {
                throw Problem.notFound("There is no complaint \(complaintId).")
            }
            explanation = try await explain(complaint, in: snapshot)
        }
        return JSONResponse(ClusterDetailView(
            cluster: ClusterView(snapshot, for: caller.role),
            dailyCounts: try await environment.store.clusterDailyCounts(id),
            members: members.items.map { ComplaintView($0, for: caller.role) },
            warnings: try await environment.store.warnings(limit: 100, clusterId: id).map {
                WarningView($0, seesPersonalData: caller.role.seesPersonalData)
            },
            explanation: explanation))
    }

    /// Why a complaint is (or is not) in a cluster: its score with the cluster as the detector reads it now, the
    /// entities both name, and the cluster's terms the complaint's text holds. 503 without a running detector.
    private func explain(_ complaint: Complaint, in snapshot: ClusterSnapshot) async throws -> PlacementExplanation {
        guard let detector = environment.detector else {
            throw Problem(.serviceUnavailable, "detector-off", title: "Detection is off", detail: "This server runs no detector.")
        }
        let input = DetectionMapping.input(complaint.content, id: complaint.id)
        let clusterEntities = Set(snapshot.entities)
        let shared = Detector.entities(in: input).map { "\($0.kind.rawValue):\($0.value)" }.filter(clusterEntities.contains)
        let normalized = TextNormalizer.normalize(complaint.content.text).text
        let terms = snapshot.topTerms.filter { normalized.contains(TextNormalizer.normalize($0).text) }
        let score = await detector.explain(complaint, against: snapshot.id)
        return PlacementExplanation(
            complaintId: complaint.id, inCluster: complaint.clusterId == snapshot.id,
            score: score.map { ($0.score * 1000).rounded() / 1000 }, text: score.map { ($0.text * 1000).rounded() / 1000 },
            entityAgreement: score?.entityAgreement, complainantAgreement: score?.complainantAgreement, entityConflict: score?.entityConflict,
            timePenalty: score?.timePenalty,
            wouldJoin: score?.eligible, sharedEntities: shared, sharedTerms: terms,
            product: complaint.content.product, departure: complaint.content.departure?.description)
    }

    struct SplitRequest: Decodable { var complaintIds: [Int64] }
    struct MergeRequest: Decodable { var into: Int64 }
    struct MoveRequest: Decodable { var clusterId: Int64 }

    /// POST /v1/clusters/{id}/split — moves the listed complaints into a new cluster (201 with it).
    @Sendable func split(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ClusterView> {
        let caller = try context.require(.correctClusters)
        let id = try PathValues.id(context, ClusterID.self, "cluster")
        let body = try RequestBody.decode(SplitRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 20))
        let snapshot = try await correct(complaintsInBody: true) { engine in
            try await engine.split(cluster: id, complaints: body.complaintIds.map { ComplaintID($0) }, by: caller.name, at: environment.now())
        }
        return JSONResponse(ClusterView(snapshot, for: caller.role), status: .created)
    }

    /// POST /v1/clusters/{id}/merge — merges this cluster into `into`; returns the surviving cluster.
    @Sendable func merge(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ClusterView> {
        let caller = try context.require(.correctClusters)
        let id = try PathValues.id(context, ClusterID.self, "cluster")
        let body = try RequestBody.decode(MergeRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        let snapshot = try await correct(target: ("into", ClusterID(body.into))) { engine in
            try await engine.merge(id, into: ClusterID(body.into), by: caller.name, at: environment.now())
        }
        return JSONResponse(ClusterView(snapshot, for: caller.role))
    }

    /// POST /v1/complaints/{id}/move — moves one complaint into another cluster; returns that cluster.
    @Sendable func move(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ClusterView> {
        let caller = try context.require(.correctClusters)
        let id = try PathValues.id(context, ComplaintID.self, "complaint")
        let body = try RequestBody.decode(MoveRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        let snapshot = try await correct(target: ("clusterId", ClusterID(body.clusterId))) { engine in
            try await engine.move(complaint: id, to: ClusterID(body.clusterId), by: caller.name, at: environment.now())
        }
        return JSONResponse(ClusterView(snapshot, for: caller.role))
    }

    /// Runs a correction, turning the engine's typed errors into problems. A cluster or complaint named in the body
    /// that does not exist is a 422 on that field; 404 is for the resource the path names.
    private func correct(
        target: (field: String, cluster: ClusterID)? = nil, complaintsInBody: Bool = false,
        _ body: (DetectorEngine) async throws -> ClusterSnapshot?
    ) async throws -> ClusterSnapshot {
        guard let engine = environment.detector else {
            throw Problem(.serviceUnavailable, "detector-off", title: "Detection is off", detail: "This server runs without the detector.")
        }
        do {
            guard let snapshot = try await body(engine) else { throw Problem.notFound("The cluster no longer exists.") }
            return snapshot
        } catch DetectorEngine.CorrectionError.detection(.unknownCluster(let unknown)) where unknown == target?.cluster.rawValue {
            throw Problem(
                .unprocessableContent, "unknown-cluster", title: "Unknown cluster",
                detail: "Cluster \(unknown) is unknown or older than the detection window.", field: target?.field)
        } catch DetectorEngine.CorrectionError.detection(.unknownComplaint(let unknown)) where complaintsInBody {
            throw Problem(
                .unprocessableContent, "unknown-complaint", title: "Unknown complaint",
                detail: "Complaint \(unknown) is unknown or older than the detection window.", field: "complaintIds")
        } catch let error as DetectorEngine.CorrectionError {
            throw Self.problem(error)
        }
    }

    static func problem(_ error: DetectorEngine.CorrectionError) -> Problem {
        switch error {
        case .notActive:
            return Problem(
                .serviceUnavailable, "detector-elsewhere", title: "The detector runs elsewhere",
                detail: "This instance does not run the detector right now (another instance does, or it is starting); retry shortly.")
        case .outsideWindow, .detection(.unknownComplaint):
            return Problem(.notFound, "not-found", title: "Not found", detail: "The complaint is unknown or older than the detection window.")
        case .detection(.unknownCluster(let id)):
            return Problem(.notFound, "not-found", title: "Not found", detail: "Cluster \(id) is unknown or older than the detection window.")
        case .detection(.complaintNotInCluster(let complaint, let cluster)):
            return Problem(.unprocessableContent, "not-a-member", title: "Not a member", detail: "Complaint \(complaint) is not in cluster \(cluster).")
        case .detection(.splitWouldEmptyCluster(let id)):
            return Problem(.unprocessableContent, "split-empties-cluster", title: "Nothing would remain",
                           detail: "Splitting those complaints out of cluster \(id) would leave it empty; name fewer (and at least one).")
        case .detection(.sameCluster(let id)):
            return Problem(.unprocessableContent, "same-cluster", title: "Same cluster", detail: "Cluster \(id) cannot be merged into itself.")
        case .detection(let other):
            return Problem(.conflict, "correction-refused", title: "Correction refused", detail: "\(other)")
        }
    }
}

struct ClusterList: Encodable, Sendable {
    var items: [ClusterView]
}
