/// How often a recurring task comes back: `every day at 18:00`, `every working day at 09:30`,
/// or `every 12h`.
public enum TaskRecurrence: Sendable, Hashable, CustomStringConvertible {
    /// Every calendar day at a local time.
    case daily(at: PlaybookLocalTime)
    /// Every working day (per the playbook calendar) at a local time.
    case workingDays(at: PlaybookLocalTime)
    /// A fixed interval (m, h, d or w; not wd) after the start, again and again.
    case interval(PlaybookDuration)

    /// What the parser accepts, for error messages.
    public static let expectation = "\"every day at HH:MM\", \"every working day at HH:MM\" or \"every <duration>\" (e.g. every 12h)"

    public var description: String {
        switch self {
        case .daily(let time): "every day at \(time)"
        case .workingDays(let time): "every working day at \(time)"
        case .interval(let duration): "every \(duration)"
        }
    }
}
