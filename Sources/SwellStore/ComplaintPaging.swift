import SwellCore

/// Paging shared by every store: newest first, `limit + 1` rows fetched so the extra one tells whether a
/// next page exists.
extension ComplaintQuery {
    /// The page size actually used, 1 to `maxLimit`.
    var pageSize: Int { max(1, min(limit, ComplaintQuery.maxLimit)) }
}

extension ComplaintPage {
    /// A page from up to `pageSize + 1` complaints fetched newest first.
    init(fetched: [Complaint], pageSize: Int) {
        guard fetched.count > pageSize else {
            self.init(items: fetched, next: nil)
            return
        }
        let items = Array(fetched.prefix(pageSize))
        let next = items.last.map { last in
            ComplaintCursor(receivedAtMilliseconds: last.content.receivedAt.millisecondsSince1970, id: last.id)
        }
        self.init(items: items, next: next)
    }
}
