import Foundation

/// One thing wrong with one field of the input.
public struct FieldError: Error, Sendable, Equatable, Codable {
    /// The field, as a JSON path (`receivedAt`, `complainant.email`).
    public var field: String
    /// A stable machine-readable code: `missing`, `invalid`, `too_long`, `in_future`, …
    public var code: String
    /// What is wrong, for a person.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// Everything wrong with one input.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var errors: [FieldError]

    public init(errors: [FieldError]) { self.errors = errors }
}

/// The documented limits of complaint intake.
public enum IntakeLimits {
    public static let maxTextCharacters = 20_000
    public static let maxExternalIdCharacters = 200
    public static let maxShortFieldCharacters = 200
    public static let maxDemandCharacters = 2_000
    /// How far `receivedAt` may lie ahead of the server's clock (clock skew between channels).
    public static let maxFutureSkew: TimeInterval = 24 * 3600
    /// Nothing was received before this: earlier dates are typos.
    public static let earliestReceivedAt = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
    public static let maxBatchItems = 10_000
}

/// Turns a submission into a `NewComplaint`, or says every field that is wrong.
public enum ComplaintValidator {
    public static func validate(_ input: ComplaintSubmission, now: Date) -> Result<NewComplaint, ValidationFailure> {
        var errors: [FieldError] = []

        let externalId = FieldChecks.required(input.externalId, "externalId", &errors)
        if let externalId {
            FieldChecks.checkLength(externalId, "externalId", max: IntakeLimits.maxExternalIdCharacters, &errors)
            if externalId.unicodeScalars.contains(where: \.isControlCharacter) {
                errors.append(FieldError(field: "externalId", code: "invalid", message: "must not contain control characters"))
            }
        }

        let receivedAt = FieldChecks.instant(input.receivedAt, "receivedAt", now: now, &errors)

        var channel: Channel?
        if let raw = FieldChecks.required(input.channel, "channel", &errors) {
            channel = Channel(rawValue: raw)
            if channel == nil {
                let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: "channel", code: "invalid", message: "must be one of: \(known)"))
            }
        }

        let text = FieldChecks.required(input.text, "text", &errors)
        if let text { FieldChecks.checkLength(text, "text", max: IntakeLimits.maxTextCharacters, &errors) }

        var departure: CalendarDate?
        if let raw = FieldChecks.optional(input.departure) {
            departure = CalendarDate(raw)
            if departure == nil {
                errors.append(FieldError(field: "departure", code: "invalid", message: "must be a date written YYYY-MM-DD"))
            }
        }

        let product = FieldChecks.optional(input.product)
        let supplier = FieldChecks.optional(input.supplier)
        let demand = FieldChecks.optional(input.demand)
        if let product { FieldChecks.checkLength(product, "product", max: IntakeLimits.maxShortFieldCharacters, &errors) }
        if let supplier { FieldChecks.checkLength(supplier, "supplier", max: IntakeLimits.maxShortFieldCharacters, &errors) }
        if let demand { FieldChecks.checkLength(demand, "demand", max: IntakeLimits.maxDemandCharacters, &errors) }

        let complainant = Complainant(
            name: FieldChecks.optional(input.complainant?.name), phone: FieldChecks.optional(input.complainant?.phone),
            email: FieldChecks.optional(input.complainant?.email))
        if let name = complainant.name {
            FieldChecks.checkLength(name, "complainant.name", max: IntakeLimits.maxShortFieldCharacters, &errors)
        }
        if let phone = complainant.phone {
            FieldChecks.checkLength(phone, "complainant.phone", max: 40, &errors)
            if phone.filter(\.isNumber).count < 3 {
                errors.append(FieldError(field: "complainant.phone", code: "invalid", message: "must contain digits"))
            }
        }
        if let email = complainant.email {
            FieldChecks.checkLength(email, "complainant.email", max: 254, &errors)
            if !email.contains("@") || email.hasPrefix("@") || email.hasSuffix("@") {
                errors.append(FieldError(field: "complainant.email", code: "invalid", message: "must be an e-mail address"))
            }
        }

        if let referral = input.referral {
            if let authority = FieldChecks.required(referral.authority, "referral.authority", &errors) {
                FieldChecks.checkLength(authority, "referral.authority", max: 60, &errors)
            }
            if let number = FieldChecks.optional(referral.referenceNo) { FieldChecks.checkLength(number, "referral.referenceNo", max: 100, &errors) }
        }

        guard errors.isEmpty, let externalId, let receivedAt, let channel, let text else {
            return .failure(ValidationFailure(errors: errors))
        }
        return .success(NewComplaint(
            externalId: externalId, receivedAt: receivedAt, channel: channel, text: text, complainant: complainant,
            product: product, departure: departure, supplier: supplier, demand: demand))
    }

    /// The case referral a valid submission names, counted from the complaint's receipt; nil when it names none.
    public static func referral(of input: ComplaintSubmission, receivedAt: Date) -> CaseReferral? {
        guard let authority = FieldChecks.optional(input.referral?.authority) else { return nil }
        return CaseReferral(authority: authority, referenceNo: FieldChecks.optional(input.referral?.referenceNo), receivedAt: receivedAt)
    }
}
