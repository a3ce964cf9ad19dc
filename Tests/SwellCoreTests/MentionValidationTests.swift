import Foundation
import SwellCore
import Testing

/// Mention intake rules: the normalised URL (the idempotency key), every wrong field named, the language.
@Suite struct MentionValidationTests {
    let now = RFC3339.parse("2026-07-02T00:00:00Z")!

    @Test(arguments: [
        ("HTTPS://Weibo.COM/1234/AbCd?utm_source=wx&spm=a.b#comments", "https://weibo.com/1234/AbCd"),
        ("https://news.example.cn:443/a/b/?id=9&from=timeline&page=2", "https://news.example.cn/a/b?id=9&page=2"),
        ("http://example.com:80/", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("  https://mp.weixin.qq.com/s?__biz=MzA&mid=22&share_token=x  ", "https://mp.weixin.qq.com/s?__biz=MzA&mid=22"),
    ])
    func urlsAreNormalised(_ raw: String, _ expected: String) {
        #expect(MentionURL.normalise(raw) == expected)
    }

    @Test(arguments: ["ftp://example.com/x", "weibo.com/1234", "not a url", "https:///path-only"])
    func onlyAbsoluteHTTPURLsAreTaken(_ raw: String) {
        #expect(MentionURL.normalise(raw) == nil)
    }

    @Test func aValidSubmissionBecomesContentWithItsLanguage() throws {
        let submission = MentionSubmission(
            url: "https://weibo.com/1/A?utm_medium=x", source: "weibo", outlet: "旅游达人", title: nil,
            text: "跟团去三亚，说好的五星酒店变成了快捷酒店，旅行社不给说法", publishedAt: "2026-07-01T10:00:00+08:00", reach: 120_000,
            engagement: 3_400)
        let content = try MentionValidator.validate(submission, now: now).get()
        #expect(content.url == "https://weibo.com/1/A")
        #expect(content.source == .weibo)
        #expect(content.language == .zh)
        #expect(content.publishedAt == RFC3339.parse("2026-07-01T02:00:00Z"))
        #expect(content.reach == 120_000)
    }

    @Test func aTitleAloneStandsForTheText() throws {
        let content = try MentionValidator.validate(
            MentionSubmission(url: "https://news.example.com/a", source: "news", title: "Tour group stranded at airport",
                              publishedAt: "2026-07-01T00:00:00Z"), now: now).get()
        #expect(content.text == "Tour group stranded at airport")
        #expect(content.language == .en)
    }

    @Test func everyWrongFieldIsNamed() {
        let submission = MentionSubmission(
            url: "weibo.com/x", source: "fax", text: "  ", publishedAt: "2026-09-01T00:00:00Z", reach: -1, language: "fr")
        guard case .failure(let failure) = MentionValidator.validate(submission, now: now) else {
            Issue.record("an invalid mention was accepted")
            return
        }
        let byField = Dictionary(failure.errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(byField == [
            "url": "invalid", "source": "invalid", "text": "missing", "publishedAt": "in_future", "reach": "invalid",
            "language": "invalid",
        ])
    }

    @Test func missingRequiredFieldsAreNamed() {
        guard case .failure(let failure) = MentionValidator.validate(MentionSubmission(), now: now) else {
            Issue.record("an empty mention was accepted")
            return
        }
        #expect(Set(failure.errors.map(\.field)) == ["url", "source", "text", "publishedAt"])
    }

    @Test(arguments: [
        ("酒店太差了", MentionLanguage.zh), ("The coach broke down on the highway", .en),
        ("旅行团 AU-8D-0612 hotel downgrade 汽车旅馆", .zh), ("12345 ???", .other),
    ])
    func languageIsWorkedOutFromTheText(_ text: String, _ expected: MentionLanguage) {
        #expect(MentionLanguage.detect(text) == expected)
    }

    @Test func aCursorRoundTripsAndRefusesOtherTokens() {
        let cursor = MentionCursor(publishedAtMilliseconds: 1_782_900_000_000, id: MentionID(42))
        #expect(MentionCursor(token: cursor.token) == cursor)
        let complaintCursor = ComplaintCursor(receivedAtMilliseconds: 1, id: ComplaintID(2))
        #expect(MentionCursor(token: complaintCursor.token) == nil, "a complaint list's cursor is not a mention cursor")
        #expect(MentionCursor(token: "%%%") == nil)
    }
}
