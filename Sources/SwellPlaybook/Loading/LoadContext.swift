/// Collects the problems found while decoding one playbook, so that one run reports them all.
final class LoadContext {
    let file: String
    private(set) var errors: [PlaybookLoadError] = []

    init(file: String) {
        self.file = file
    }

    /// Runs one piece of decoding; on failure records its error and returns `nil`, so that
    /// decoding goes on with the siblings.
    func attempt<T>(_ body: () throws(PlaybookLoadError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(error)
            return nil
        }
    }

    /// Records an error found outside `attempt`, e.g. by a cross-reference check.
    func record(_ error: PlaybookLoadError) {
        errors.append(error)
    }

    /// The errors in document order.
    var sortedErrors: [PlaybookLoadError] {
        errors.enumerated()
            .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }
}
