import Foundation
import SwellDetection

/// Generates realistic labelled complaint streams, deterministically by seed: incidents of many
/// kinds and sizes (3–150) growing over hours or days, told many ways, among a large background
/// of similar-sounding unrelated complaints, with hard negatives and repeat complainers.
public enum StreamGenerator {
    public static func generate(_ spec: StreamSpec) -> GeneratedStream {
        var r = SeededRandom(seed: spec.seed)
        let writer = ComplaintWriter(traditionalShare: spec.traditionalShare, englishShare: spec.englishShare)
        let span = Double(spec.days) * 86_400
        var drafts: [(time: Double, input: DetectionInput, label: Int64)] = []
        var truths: [IncidentTruth] = []
        var nextIncident: Int64 = 1
        var nextPerson = 0
        func person() -> String {
            nextPerson += 1
            return "p\(spec.seed)-\(nextPerson)"
        }

        func emit(_ plan: IncidentPlan, size: Int, slow: Bool, start: Double, hardNegativeOf: Int64?) {
            let id = nextIncident
            nextIncident += 1
            truths.append(IncidentTruth(id: id, kind: plan.kind.rawValue, size: size, slow: slow, hardNegativeOf: hardNegativeOf))
            let escalation = r.pick([0.03, 0.08, 0.15, 0.3])
            var people: [String] = []
            for _ in 0..<size {
                let offset = slow ? r.unit() * 96 * 3600 : min(-log(1 - r.unit() * 0.999) * 10 * 3600, 72 * 3600)
                let key: String? = !people.isEmpty && r.chance(0.05) ? r.pick(people) : (r.chance(0.05) ? nil : person())
                if let key { people.append(key) }
                let structured = r.chance(spec.structuredShare)
                let input = DetectionInput(
                    complaintId: 0, receivedAt: Date(), text: writer.text(about: plan, escalation: escalation, random: &r),
                    product: structured ? plan.product : nil, departure: structured ? departureField(plan, random: &r) : nil,
                    supplier: structured && r.chance(0.6) ? plan.supplier : nil, complainantKey: key)
                drafts.append((min(start + offset, span - 1), input, id))
            }
        }

        for _ in 0..<spec.incidents {
            let kind = r.pick(IncidentKind.allCases)
            let size = incidentSize(random: &r)
            let slow = r.chance(spec.slowShare)
            let start = r.unit() * max(1, span - 5 * 86_400)
            let departure = spec.start.addingTimeInterval(start - Double(r.int(0...4)) * 86_400)
            let plan = IncidentPlan.random(kind: kind, departure: departure, random: &r)
            let original = nextIncident
            emit(plan, size: size, slow: slow, start: start, hardNegativeOf: nil)
            if r.chance(spec.siblingShare) {
                let sibling = plan.nextDeparture(after: 7, keepHotel: r.chance(0.5), random: &r)
                emit(sibling, size: incidentSize(random: &r), slow: r.chance(spec.slowShare),
                     start: min(start + 7 * 86_400 + r.unit() * 86_400, span - 86_400), hardNegativeOf: original)
            }
            if r.chance(spec.sameDepartureShare) {
                let other = plan.otherKind(r.pick(IncidentKind.allCases.filter { $0 != kind }), random: &r)
                emit(other, size: incidentSize(random: &r), slow: false, start: start + r.unit() * 86_400, hardNegativeOf: original)
            }
        }

        var nextBackground: Int64 = -1
        var made = 0
        while made < spec.background {
            let time = r.unit() * span
            let departure = spec.start.addingTimeInterval(time - Double(r.int(0...6)) * 86_400)
            let plan = IncidentPlan.random(kind: r.pick(IncidentKind.allCases), departure: departure, random: &r)
            let label = nextBackground
            nextBackground -= 1
            let roll = r.unit()
            let repeats = roll < 0.1 ? 2 : 1  // one person complaining twice counts once
            let key: String? = r.chance(0.9) ? person() : nil
            var text = roll < 0.35
                ? writer.text(about: plan, escalation: 0.05, random: &r)  // a one-person problem told like an incident
                : writer.background(about: plan, random: &r, lines: spec.backgroundLines)
            for copy in 0..<repeats where made < spec.background {
                if copy > 0 { text = r.chance(0.5) ? text : writer.text(about: plan, escalation: 0.2, random: &r) }
                let structured = r.chance(spec.structuredShare * 0.6)
                let input = DetectionInput(
                    complaintId: 0, receivedAt: Date(), text: text, product: structured ? plan.product : nil,
                    departure: structured ? departureField(plan, random: &r) : nil, supplier: nil, complainantKey: key)
                drafts.append((min(time + Double(copy) * r.unit() * 48 * 3600, span - 1), input, label))
                made += 1
            }
        }

        drafts.sort { $0.time != $1.time ? $0.time < $1.time : $0.label < $1.label }
        var complaints: [LabelledComplaint] = []
        complaints.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            var input = draft.input
            input.complaintId = spec.firstComplaintId + Int64(index)
            input.receivedAt = spec.start.addingTimeInterval(draft.time)
            complaints.append(LabelledComplaint(input: input, label: draft.label))
        }
        return GeneratedStream(complaints: complaints, incidents: truths)
    }

    /// 3–150 complaints, most incidents small, a few large.
    static func incidentSize(random r: inout SeededRandom) -> Int {
        let roll = r.unit()
        if roll < 0.35 { return r.int(3...7) }
        if roll < 0.7 { return r.int(8...20) }
        if roll < 0.9 { return r.int(21...60) }
        return r.int(61...150)
    }

    /// The departure field as people fill it: mostly the departure, sometimes the return date.
    static func departureField(_ plan: IncidentPlan, random r: inout SeededRandom) -> String {
        var month = plan.departureMonth
        var day = plan.departureDay
        if r.chance(0.15) {
            let calendar = Calendar.gregorianUTC
            let base = calendar.date(from: DateComponents(year: 2026, month: month, day: day)) ?? Date()
            let back = calendar.date(byAdding: .day, value: plan.days - 1, to: base) ?? base
            let parts = calendar.dateComponents([.month, .day], from: back)
            month = parts.month ?? month
            day = parts.day ?? day
        }
        return "2026-\(pad2(month))-\(pad2(day))"
    }

    /// Non-empty lines of a text file, for `StreamSpec.backgroundLines` (reads the file; the
    /// generator itself does no I/O).
    public static func loadLines(path: String, limit: Int = 100_000) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).prefix(limit).map(String.init).filter { $0.count >= 6 }
    }
}
