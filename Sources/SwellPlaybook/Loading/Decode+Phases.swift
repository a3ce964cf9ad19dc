import SwellCore

/// The keys a phase and a task may have.
enum PhaseKeys {
    static let phase = ["id", "title", "startsWhen", "tasks"]
    static let task = ["id", "title", "owner", "due", "repeat", "from", "until", "description"]
}

extension YAMLValue {
    /// One entry of `phases`.
    func decodePhase() throws(PlaybookLoadError) -> PlaybookPhase {
        let fields = try mapping(allowed: PhaseKeys.phase)
        let id = try fields.required("id").identifier()
        var tasks: [PlaybookTask] = []
        for entry in try fields.required("tasks").list(expected: "tasks") {
            if let task = context.attempt({ () throws(PlaybookLoadError) in try entry.decodeTask(phaseId: id) }) {
                tasks.append(task)
            }
        }
        return PlaybookPhase(
            id: id, title: try fields.required("title").bilingual(), tasks: tasks,
            startsWhen: try fields.optional("startsWhen")?.oneOf(IncidentState.self))
    }

    /// One task; a task has either `due` or `repeat` (with an optional `from`).
    private func decodeTask(phaseId: String) throws(PlaybookLoadError) -> PlaybookTask {
        let fields = try mapping(allowed: PhaseKeys.task)
        let timing: PlaybookTask.Timing
        switch (fields.optional("due"), fields.optional("repeat")) {
        case (let due?, nil):
            for key in ["from", "until"] {
                if let misplaced = fields.optional(key) {
                    throw misplaced.error(.wrongShape(found: "\"\(key)\" on a one-off task", expected: "\"\(key)\" only with \"repeat\""))
                }
            }
            timing = .once(try due.due())
        case (nil, let recurrence?):
            let start = try fields.optional("from")?.anchor() ?? .phaseStarted(phaseId)
            timing = .recurring(try recurrence.recurrence(), from: start, until: try fields.optional("until")?.anchor())
        case (_?, let recurrence?):
            throw recurrence.error(.wrongShape(found: "both \"due\" and \"repeat\"", expected: "one of them"))
        case (nil, nil):
            throw error(.missingField("due (or repeat)"))
        }
        return PlaybookTask(
            id: try fields.required("id").identifier(),
            title: try fields.required("title").bilingual(),
            owner: try fields.required("owner").oneOf(Role.self),
            timing: timing,
            description: try fields.optional("description")?.bilingual())
    }

    /// An id: lower-case letters, digits and underscores, starting with a letter.
    func identifier() throws(PlaybookLoadError) -> String {
        try parsed(expected: "an id of lower-case letters, digits and _ starting with a letter, e.g. notify_leadership") { raw in
            guard let first = raw.first, first.isASCII, first.isLowercase,
                  raw.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
            else { return nil }
            return raw
        }
    }
}
