import Foundation

/// The facts of one generated incident (or of one background complaint's story): what went
/// wrong, where, when, and with which hotel, coach, flight or restaurant.
struct IncidentPlan {
    var kind: IncidentKind
    var destination: NamePool.Destination
    var days: Int
    /// Departure as month and day, and the matching product code.
    var departureMonth: Int
    var departureDay: Int
    var product: String
    var hotel: String
    var hotelEnglish: String
    var restaurant: String
    var restaurantEnglish: String
    var ship: String
    var shipEnglish: String
    var flight: String
    var plate: String
    var attraction: (String, String)
    var supplier: String

    static func random(kind: IncidentKind, departure: Date, random r: inout SeededRandom) -> IncidentPlan {
        let calendar = Calendar.gregorianUTC
        let parts = calendar.dateComponents([.month, .day], from: departure)
        let month = parts.month ?? 6
        let day = parts.day ?? 1
        let destination = r.pick(NamePool.destinations)
        let days = r.int(4...10)
        let hotel = NamePool.stemPair(&r)
        let restaurant = NamePool.stemPair(&r)
        let ship = NamePool.stemPair(&r)
        return IncidentPlan(
            kind: kind, destination: destination, days: days, departureMonth: month, departureDay: day,
            product: "\(destination.code)-\(days)D-\(pad2(month))\(pad2(day))",
            hotel: hotel.chinese + r.pick(NamePool.hotelSuffixes), hotelEnglish: hotel.english + (r.chance(0.7) ? " Hotel" : " Resort"),
            restaurant: restaurant.chinese + r.pick(NamePool.restaurantSuffixes), restaurantEnglish: restaurant.english + " Restaurant",
            ship: ship.chinese + "号", shipEnglish: ship.english + " Star", flight: r.pick(NamePool.airlines) + String(r.int(1000...9899)),
            plate: r.pick(NamePool.provinces) + String(UnicodeScalar(UInt8(65 + r.int(0...25)))) + "·" + String(r.int(10000...99999)),
            attraction: r.pick(NamePool.attractions), supplier: r.pick(NamePool.suppliers))
    }

    /// The same tour a week later: another incident told in the same words (a hard negative).
    func nextDeparture(after days: Int, keepHotel: Bool, random r: inout SeededRandom) -> IncidentPlan {
        let calendar = Calendar.gregorianUTC
        let base = calendar.date(from: DateComponents(year: 2026, month: departureMonth, day: departureDay)) ?? Date()
        let later = calendar.date(byAdding: .day, value: days, to: base) ?? base
        var plan = IncidentPlan.random(kind: kind, departure: later, random: &r)
        plan.destination = destination
        plan.days = self.days
        plan.product = "\(destination.code)-\(self.days)D-\(pad2(plan.departureMonth))\(pad2(plan.departureDay))"
        if keepHotel {
            plan.hotel = hotel
            plan.hotelEnglish = hotelEnglish
        }
        plan.supplier = supplier
        return plan
    }

    /// Another failure on the very same departure (a hard negative of a different kind).
    func otherKind(_ kind: IncidentKind, random r: inout SeededRandom) -> IncidentPlan {
        var plan = IncidentPlan.random(
            kind: kind, departure: Calendar.gregorianUTC.date(
                from: DateComponents(year: 2026, month: departureMonth, day: departureDay)) ?? Date(), random: &r)
        plan.destination = destination
        plan.days = days
        plan.product = product
        plan.hotel = hotel
        plan.hotelEnglish = hotelEnglish
        plan.supplier = supplier
        return plan
    }
}

/// Two-digit day or month.
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

extension Calendar {
    static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
