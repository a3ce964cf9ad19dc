import SwellCore

/// Paging shared by every store: newest first (or best match first), `limit + 1` rows fetched so the extra
/// one tells whether a next page exists.
extension ComplaintQuery {
    /// The page size actually used, 1 to `maxLimit`.
    var pageSize: Int { max(1, min(limit, ComplaintQuery.maxLimit)) }

    /// Whether the page is ordered by a relevance score rather than newest first.
    var ranksByRelevance: Bool { search?.order == .relevance }
}

extension ComplaintPage {
    /// A page from up to `pageSize + 1` complaints fetched in page order; `scores` (one per complaint) when
    /// ordered by relevance, so the cursor carries the last score.
    init(fetched: [Complaint], scores: [Double]? = nil, pageSize: Int) {
        guard fetched.count > pageSize else {
            self.init(items: fetched, next: nil)
            return
        }
        let items = Array(fetched.prefix(pageSize))
        let next = items.last.map { last in
            ComplaintCursor(
                receivedAtMilliseconds: last.content.receivedAt.millisecondsSince1970, id: last.id,
                score: scores.map { $0[pageSize - 1] })
        }
        self.init(items: items, next: next)
    }
}
