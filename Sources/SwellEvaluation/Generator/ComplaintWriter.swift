import Foundation

/// Tells one complaint about a plan in one of many ways: language, script, length, which
/// entities it names and how it writes them, feelings, threats, demands and typos.
struct ComplaintWriter {
    var traditionalShare: Double
    var englishShare: Double

    /// The text of a complaint about `plan`; `escalation` is the chance of an escalation threat.
    func text(about plan: IncidentPlan, escalation: Double, random r: inout SeededRandom) -> String {
        let slots = slots(for: plan, random: &r)
        if r.chance(englishShare) {
            var parts = [r.pick(PhraseBank.englishOpenings)]
            if r.chance(0.6) { parts.append(Template.render(r.pick(PhraseBank.englishContext), slots)) }
            parts.append(Template.render(r.pick(plan.kind.english), slots) + ". ")
            let second = Template.render(r.pick(plan.kind.english), slots) + ". "
            if r.chance(0.25), second != parts.last { parts.append(second) }
            parts.append(r.pick(PhraseBank.englishFeelings))
            if r.chance(escalation) { parts.append(" " + r.pick(PhraseBank.englishEscalations)) }
            parts.append(" " + r.pick(PhraseBank.englishDemands))
            return typo(parts.joined(), random: &r)
        }
        var parts = [r.pick(PhraseBank.chineseOpenings)]
        if r.chance(0.6) { parts.append(Template.render(r.pick(PhraseBank.chineseContext), slots)) }
        parts.append(r.pick(PhraseBank.chineseFillers))
        let clauses = plan.kind.chinese
        let first = r.int(0...(clauses.count - 1))
        parts.append(Template.render(clauses[first], slots) + r.pick(["，", "。", "！"]))
        if r.chance(0.35) {
            let second = (first + r.int(1...(clauses.count - 1))) % clauses.count
            parts.append(r.pick(PhraseBank.chineseFillers) + Template.render(clauses[second], slots) + "。")
        }
        parts.append(r.pick(PhraseBank.chineseFeelings))
        if r.chance(escalation) { parts.append(r.pick(PhraseBank.chineseEscalations)) }
        parts.append(r.pick(PhraseBank.chineseDemands))
        var text = typo(parts.joined(), random: &r)
        if r.chance(traditionalShare) {
            text = text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
        }
        return text
    }

    /// A background complaint: a review or one person's problem.
    func background(about plan: IncidentPlan, random r: inout SeededRandom, lines: [String]) -> String {
        if !lines.isEmpty, r.chance(0.5) { return r.pick(lines) }
        let slots = slots(for: plan, random: &r)
        let review = r.chance(0.92)
        if r.chance(englishShare) {
            return review ? ReviewComposer.english(slots, random: &r) : Template.render(r.pick(PhraseBank.englishBackground), slots)
        }
        var text = review ? ReviewComposer.chinese(slots, random: &r) : Template.render(r.pick(PhraseBank.chineseBackground), slots)
        if r.chance(0.5) { text = r.pick(PhraseBank.chineseOpenings) + text }
        if r.chance(0.4) { text += ReviewComposer.chinese(slots, random: &r) }
        if r.chance(0.3) { text += r.pick(PhraseBank.chineseFeelings) + r.pick(PhraseBank.chineseDemands) }
        if r.chance(traditionalShare) {
            text = text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
        }
        return typo(text, random: &r)
    }

    private func slots(for plan: IncidentPlan, random r: inout SeededRandom) -> [String: String] {
        let m = plan.departureMonth
        let d = plan.departureDay
        let chineseDate = r.pick([
            "\(m)月\(d)日", "\(m)月\(d)日", "\(m)月\(d)号", "\(m)/\(d)", "2026-\(pad2(m))-\(pad2(d))", "2026年\(m)月\(d)日", "\(d)号",
        ])
        let monthName = DateFormatter.englishMonths[m - 1]
        let englishDate = r.pick(["\(d) \(monthName)", "\(monthName) \(d)", "\(monthName) \(d)th", "\(m)/\(d)", "2026-\(pad2(m))-\(pad2(d))"])
        var product = plan.product
        if r.chance(0.3) { product = product.lowercased() }
        var flight = plan.flight
        if r.chance(0.3) { flight = String(flight.prefix(2)) + " " + String(flight.dropFirst(2)) }
        var plate = plan.plate
        if r.chance(0.4) { plate = plate.replacingOccurrences(of: "·", with: "") }
        var hotel = plan.hotel
        if hotel.hasSuffix("大酒店"), r.chance(0.4) { hotel = String(hotel.dropLast(3)) + "酒店" }
        return [
            "date": chineseDate, "dateEn": englishDate, "dest": r.chance(0.8) ? plan.destination.chinese : plan.destination.english,
            "days": String(plan.days), "product": product, "hotel": hotel, "hotelEn": plan.hotelEnglish,
            "restaurant": plan.restaurant, "restaurantEn": plan.restaurantEnglish, "ship": plan.ship, "shipEn": plan.shipEnglish,
            "flight": flight, "plate": plate, "attraction": plan.attraction.0, "attractionEn": plan.attraction.1,
            "hours": String(r.int(2...12)), "n": String(r.int(3...6)), "amount": String(r.int(2...30) * 100),
        ]
    }

    /// Drops, doubles or swaps a character now and then, as hurried people do.
    private func typo(_ text: String, random r: inout SeededRandom) -> String {
        guard r.chance(0.15), text.count > 8 else { return text }
        var characters = Array(text)
        let i = r.int(1...(characters.count - 2))
        switch r.int(0...2) {
        case 0: characters.remove(at: i)
        case 1: characters.insert(characters[i], at: i)
        default: characters.swapAt(i, i + 1)
        }
        return String(characters)
    }
}

extension DateFormatter {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
}
