extension PlaybookLoader {
    /// Checks what single sections cannot: ids are unique across the playbook, and every
    /// `phase_started:<id>` names a phase.
    static func checkReferences(_ phases: [YAMLValue], context: LoadContext) {
        var phaseLines: [String: Int?] = [:]
        var taskLines: [String: Int?] = [:]
        var anchors: [(phase: String, value: YAMLValue)] = []
        for phase in phases {
            guard let phaseFields = try? phase.mapping(allowed: PhaseKeys.phase) else { continue }
            noteId(phaseFields, seen: &phaseLines, context: context)
            for task in (try? phaseFields.optional("tasks")?.list(expected: "tasks")) ?? [] {
                guard let fields = try? task.mapping(allowed: PhaseKeys.task)
                else { continue }
                noteId(fields, seen: &taskLines, context: context)
                for key in ["due", "from", "until"] {
                    if let value = fields.optional(key), let phaseId = referencedPhase(value) {
                        anchors.append((phaseId, value))
                    }
                }
            }
        }
        let known = phaseLines.keys.sorted()
        for (phaseId, value) in anchors where phaseLines[phaseId] == nil {
            context.record(value.error(.unknownPhase(phaseId, known: known)))
        }
    }

    /// Records a duplicate-id error when the mapping's id was seen before.
    private static func noteId(_ fields: YAMLMapping, seen: inout [String: Int?], context: LoadContext) {
        guard let idValue = fields.optional("id"), let id = try? idValue.text() else { return }
        if let firstLine = seen[id] {
            context.record(idValue.error(.duplicateId(id, firstLine: firstLine)))
        } else {
            seen[id] = idValue.line
        }
    }

    /// The phase id in a `phase_started:<id>` anchor, whether alone or in a due.
    private static func referencedPhase(_ value: YAMLValue) -> String? {
        guard let raw = try? value.text(), let anchorText = raw.split(separator: " ").last,
              case .phaseStarted(let phaseId)? = TaskAnchor(parsing: String(anchorText))
        else { return nil }
        return phaseId
    }
}
