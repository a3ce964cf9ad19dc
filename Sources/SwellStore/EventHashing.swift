import Crypto
import Foundation
import SwellCore

/// The hash chain over the event log: each event's hash covers the previous hash and its own content, so
/// changing, removing or reordering any stored event breaks every link after it.
public enum EventHashing {
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(previous: String, seq: Int64, draft: EventDraft) -> String {
        var content = previous
        content += "\n\(seq)\n\(draft.at.millisecondsSince1970)\n\(draft.type.rawValue)\n"
        content += (draft.complaintId.map { String($0.rawValue) } ?? "") + "\n"
        content += (draft.clusterId.map { String($0.rawValue) } ?? "") + "\n"
        content += (draft.incidentId.map { String($0.rawValue) } ?? "") + "\n"
        content += draft.payload
        return hexSHA256(content)
    }

    /// Hex SHA-256 of a bearer token: tokens are stored only as this.
    public static func tokenHash(_ token: String) -> String {
        hexSHA256(token)
    }

    /// Hex SHA-256 of a text kept whole (a playbook version's YAML).
    public static func contentHash(_ text: String) -> String {
        hexSHA256(text)
    }

    /// Hashes the text's UTF-8 in place and writes the 64 hex digits at once (every event appended hashes once;
    /// a string per byte, joined, cost more than the SHA-256 itself).
    private static func hexSHA256(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { hex in
            var index = 0
            for byte in digest {
                hex[index] = hexDigits[Int(byte >> 4)]
                hex[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The result of walking the chain.
public struct ChainVerification: Sendable, Equatable {
    public var eventsChecked: Int64
    /// The first event whose sequence or hash does not follow from the one before; nil when the chain is whole.
    public var firstBrokenSeq: Int64?
    public var problem: String?

    public var isIntact: Bool { firstBrokenSeq == nil }
}

/// Walks a store's log in pages and checks every link.
public enum ChainVerifier {
    public static func verify(
        _ store: any CaseStore, pageSize: Int = 5_000, progress: (Int64) -> Void = { _ in }
    ) async throws -> ChainVerification {
        var previousHash = EventHashing.genesis
        var expectedSeq: Int64 = 1
        var checked: Int64 = 0
        while true {
            let page = try await store.events(after: expectedSeq - 1, limit: pageSize)
            if page.isEmpty { break }
            for event in page {
                if event.seq != expectedSeq {
                    return ChainVerification(
                        eventsChecked: checked, firstBrokenSeq: expectedSeq,
                        problem: "event \(expectedSeq) is missing (next stored is \(event.seq))")
                }
                let expected = EventHashing.hash(previous: previousHash, seq: event.seq, draft: event.draft)
                if expected != event.hash {
                    return ChainVerification(
                        eventsChecked: checked, firstBrokenSeq: event.seq,
                        problem: "event \(event.seq) does not match its hash: its content or an earlier link was changed")
                }
                previousHash = event.hash
                expectedSeq += 1
                checked += 1
            }
            progress(checked)
        }
        return ChainVerification(eventsChecked: checked, firstBrokenSeq: nil, problem: nil)
    }

}
