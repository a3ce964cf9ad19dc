public import Foundation

/// The documented limits of mention intake.
public enum MentionLimits {
    public static let maxURLCharacters = 2_000
    public static let maxTextCharacters = 50_000
    public static let maxTitleCharacters = 500
    public static let maxShortFieldCharacters = 200
}

/// Turns a submission into a `MentionContent`, or says every field that is wrong.
public enum MentionValidator {
    public static func validate(_ input: MentionSubmission, now: Date) -> Result<MentionContent, ValidationFailure> {
        var errors: [FieldError] = []

        var url: String?
        if let raw = FieldChecks.required(input.url, "url", &errors) {
            if raw.count > MentionLimits.maxURLCharacters {
                FieldChecks.checkLength(raw, "url", max: MentionLimits.maxURLCharacters, &errors)
            } else if let normalised = MentionURL.normalise(raw) {
                url = normalised
            } else {
                errors.append(FieldError(field: "url", code: "invalid", message: "must be an absolute http or https URL"))
            }
        }

        var source: MentionSource?
        if let raw = FieldChecks.required(input.source, "source", &errors) {
            source = MentionSource(rawValue: raw)
            if source == nil {
                errors.append(FieldError(field: "source", code: "invalid", message: "must be one of: \(FieldChecks.names(MentionSource.self))"))
            }
        }

        let title = FieldChecks.optional(input.title)
        if let title { FieldChecks.checkLength(title, "title", max: MentionLimits.maxTitleCharacters, &errors) }
        var text = FieldChecks.optional(input.text)
        if let body = text { FieldChecks.checkLength(body, "text", max: MentionLimits.maxTextCharacters, &errors) }
        if text == nil {
            if let title { text = title } else {
                errors.append(FieldError(field: "text", code: "missing", message: "is required (or at least a title)"))
            }
        }

        let publishedAt = FieldChecks.instant(input.publishedAt, "publishedAt", now: now, &errors)

        for (field, value) in [("reach", input.reach), ("engagement", input.engagement)] {
            if let value, value < 0 {
                errors.append(FieldError(field: field, code: "invalid", message: "must not be negative"))
            }
        }

        var language: MentionLanguage?
        if let raw = FieldChecks.optional(input.language) {
            language = MentionLanguage(rawValue: raw.lowercased())
            if language == nil {
                errors.append(FieldError(field: "language", code: "invalid", message: "must be one of: \(FieldChecks.names(MentionLanguage.self))"))
            }
        }

        let outlet = FieldChecks.optional(input.outlet)
        let author = FieldChecks.optional(input.author)
        for (field, value) in [("outlet", outlet), ("author", author)] {
            if let value { FieldChecks.checkLength(value, field, max: MentionLimits.maxShortFieldCharacters, &errors) }
        }

        guard errors.isEmpty, let url, let source, let text, let publishedAt else {
            return .failure(ValidationFailure(errors: errors))
        }
        let passage = title.map { $0 + "\n" + text } ?? text
        return .success(MentionContent(
            url: url, source: source, outlet: outlet, author: author, title: title, text: text, publishedAt: publishedAt,
            reach: input.reach, engagement: input.engagement, language: language ?? MentionLanguage.detect(passage)))
    }
}
