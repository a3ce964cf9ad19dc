/// The notification tables, the same on both back ends: a channel's and a delivery's document in `record`, with
/// the columns queries filter on beside it.
enum NotificationSQL {
    /// Columns of the delivery table besides `id`.
    static let deliveryColumns = "eventSeq, channelId, state, nextAttemptAt, record"
    /// States that still have attempts to come.
    static let retrying = "('pending', 'failed')"
}
