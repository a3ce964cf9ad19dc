/// SQL both back ends share for warnings.
enum WarningSQL {
    /// Live clusters at a warning level, by the state of their newest warning record (`state`, `n`).
    static let countsByNewestState = """
        SELECT w.state AS state, COUNT(*) AS n FROM cluster c
        JOIN warning w ON w.id = (SELECT MAX(id) FROM warning WHERE clusterId = c.id)
        WHERE c.mergedInto IS NULL AND c.level IS NOT NULL
        GROUP BY w.state
        """
}
