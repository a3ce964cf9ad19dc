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

        let externalId = required(input.externalId, "externalId", &errors)
        if let externalId {
            checkLength(externalId, "externalId", max: IntakeLimits.maxExternalIdCharacters, &errors)
            if externalId.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                errors.append(FieldError(field: "externalId", code: "invalid", message: "must not contain control characters"))
            }
        }

        var receivedAt: Date?
        if let raw = required(input.receivedAt, "receivedAt", &errors) {
            if let date = RFC3339.parse(raw) {
                if date > now.addingTimeInterval(IntakeLimits.maxFutureSkew) {
                    errors.append(FieldError(
                        field: "receivedAt", code: "in_future",
                        message: "lies more than 24 hours after the server's clock (\(RFC3339.format(now)))"))
                } else if date < IntakeLimits.earliestReceivedAt {
                    errors.append(FieldError(field: "receivedAt", code: "too_early", message: "lies before 2000-01-01"))
                } else {
                    receivedAt = date
                }
            } else {
                errors.append(FieldError(
                    field: "receivedAt", code: "invalid",
                    message: "must be an RFC 3339 timestamp with a time zone, such as 2026-07-01T08:15:00Z"))
            }
        }

        var channel: Channel?
        if let raw = required(input.channel, "channel", &errors) {
            channel = Channel(rawValue: raw)
            if channel == nil {
                let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: "channel", code: "invalid", message: "must be one of: \(known)"))
            }
        }

        let text = required(input.text, "text", &errors)
        if let text { checkLength(text, "text", max: IntakeLimits.maxTextCharacters, &errors) }

        var departure: CalendarDate?
        if let raw = optional(input.departure) {
            departure = CalendarDate(raw)
            if departure == nil {
                errors.append(FieldError(field: "departure", code: "invalid", message: "must be a date written YYYY-MM-DD"))
            }
        }

        let product = optional(input.product)
        let supplier = optional(input.supplier)
        let demand = optional(input.demand)
        if let product { checkLength(product, "product", max: IntakeLimits.maxShortFieldCharacters, &errors) }
        if let supplier { checkLength(supplier, "supplier", max: IntakeLimits.maxShortFieldCharacters, &errors) }
        if let demand { checkLength(demand, "demand", max: IntakeLimits.maxDemandCharacters, &errors) }

        let complainant = Complainant(
            name: optional(input.complainant?.name), phone: optional(input.complainant?.phone),
            email: optional(input.complainant?.email))
        if let name = complainant.name {
            checkLength(name, "complainant.name", max: IntakeLimits.maxShortFieldCharacters, &errors)
        }
        if let phone = complainant.phone {
            checkLength(phone, "complainant.phone", max: 40, &errors)
            if phone.filter(\.isNumber).count < 3 {
                errors.append(FieldError(field: "complainant.phone", code: "invalid", message: "must contain digits"))
            }
        }
        if let email = complainant.email {
            checkLength(email, "complainant.email", max: 254, &errors)
            if !email.contains("@") || email.hasPrefix("@") || email.hasSuffix("@") {
                errors.append(FieldError(field: "complainant.email", code: "invalid", message: "must be an e-mail address"))
            }
        }

        if let referral = input.referral {
            if let authority = required(referral.authority, "referral.authority", &errors) {
                checkLength(authority, "referral.authority", max: 60, &errors)
            }
            if let number = optional(referral.referenceNo) { checkLength(number, "referral.referenceNo", max: 100, &errors) }
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
        guard let authority = optional(input.referral?.authority) else { return nil }
        return CaseReferral(authority: authority, referenceNo: optional(input.referral?.referenceNo), receivedAt: receivedAt)
    }

    /// Trimmed value, or an error when absent or blank.
    private static func required(_ value: String?, _ field: String, _ errors: inout [FieldError]) -> String? {
        guard let value else {
            errors.append(FieldError(field: field, code: "missing", message: "is required"))
            return nil
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            errors.append(FieldError(field: field, code: "empty", message: "must not be empty"))
            return nil
        }
        return trimmed
    }

    /// Trimmed value, with blank treated as absent.
    private static func optional(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func checkLength(_ value: String, _ field: String, max: Int, _ errors: inout [FieldError]) {
        let count = value.count
        if count > max {
            errors.append(FieldError(
                field: field, code: "too_long", message: "has \(count) characters; at most \(max) are accepted"))
        }
    }
}
