import Foundation

/// The field checks every validator in SwellCore shares: required and optional text, and length limits.
enum FieldChecks {
    /// A required RFC 3339 instant of something that happened: not more than the allowed skew after `now`, not
    /// before 2000.
    static func instant(_ value: String?, _ field: String, now: Date, _ errors: inout [FieldError]) -> Date? {
        guard let raw = required(value, field, &errors) else { return nil }
        guard let date = RFC3339.parse(raw) else {
            errors.append(FieldError(
                field: field, code: "invalid",
                message: "must be an RFC 3339 timestamp with a time zone, such as 2026-07-01T08:15:00Z"))
            return nil
        }
        if date > now.addingTimeInterval(IntakeLimits.maxFutureSkew) {
            errors.append(FieldError(
                field: field, code: "in_future", message: "lies more than 24 hours after the server's clock (\(RFC3339.format(now)))"))
            return nil
        }
        if date < IntakeLimits.earliestReceivedAt {
            errors.append(FieldError(field: field, code: "too_early", message: "lies before 2000-01-01"))
            return nil
        }
        return date
    }

    /// Trimmed value, or an error when absent or blank.
    static func required(_ value: String?, _ field: String, _ errors: inout [FieldError]) -> String? {
        guard let value else {
            errors.append(FieldError(field: field, code: "missing", message: "is required"))
            return nil
        }
        let trimmed = value.trimmingWhiteSpace()
        guard !trimmed.isEmpty else {
            errors.append(FieldError(field: field, code: "empty", message: "must not be empty"))
            return nil
        }
        return trimmed
    }

    /// Trimmed value, with blank treated as absent.
    static func optional(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingWhiteSpace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func checkLength(_ value: String, _ field: String, max: Int, _ errors: inout [FieldError]) {
        let count = value.count
        if count > max {
            errors.append(FieldError(
                field: field, code: "too_long", message: "has \(count) characters; at most \(max) are accepted"))
        }
    }

    /// The allowed values of an enumeration, for an error message.
    static func names<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
