/// Why a manual correction was refused.
public enum DetectionError: Error, Sendable, Equatable {
    case unknownCluster(Int64)
    case unknownComplaint(Int64)
    /// A complaint named in a split is not a member of the cluster being split.
    case complaintNotInCluster(complaint: Int64, cluster: Int64)
    /// A split must leave at least one complaint behind and take at least one.
    case splitWouldEmptyCluster(Int64)
    /// Merging a cluster into itself.
    case sameCluster(Int64)
}
