import Foundation
import SwellCore

/// The dossier as one printable, self-contained HTML page (inline CSS and SVG, no scripts), headings in Chinese and
/// English. Each section is a `<section data-section="…">`, so a reader (or a test) finds it by name.
struct DossierPage {
    let dossier: Dossier

    var html: String {
        let d = dossier
        var sections: [String] = []
        sections.append(section("timeline", "经过 · What happened and when", table(
            ["When 时间", "What 事件", "Who / rule"],
            [[d.timeline.firstComplaintAt ?? "–", "first complaint 首次投诉", ""]]
                + d.timeline.warnings.map { [$0.at, "warning \($0.level) 预警", $0.rule] }
                + d.timeline.states.map { [$0.at, "incident \($0.state) 事件状态", $0.by] }
                + d.timeline.highlights.map { [$0.at, "highlight 要点: \($0.type)", "event \($0.seq)"] })
            + (d.timeline.falseAlarm.map { "<p>False alarm 误报: \(htmlEscaped($0))</p>" } ?? "")))
        let people = d.people
        sections.append(section("people", "涉及人数与投诉 · People and complaints", """
            <p>\(people.complaints) complaints 投诉 · \(people.complainants) complainants 投诉人 · cases overdue 逾期 \(people.casesOverdue)\
            \(people.averageSatisfaction.map { String(format: " · satisfaction 满意度 %.1f / 5", $0) } ?? "")</p>
            """ + table(["Day 日期", "Complaints"], people.byDay.map { [$0.day, "\($0.count)"] })
            + table(["Channel 渠道", "Complaints"], people.byChannel.sorted { $0.key < $1.key }.map { [$0.key, "\($0.value)"] })
            + table(["Case state 处理状态", "Cases"], people.cases.sorted { $0.key < $1.key }.map { [$0.key, "\($0.value)"] })))
        sections.append(section("demands", "诉求 · What they demanded", table(["Demand 诉求", "Complaints"], people.demands.map { [$0.demand, "\($0.count)"] })))
        sections.append(section("plan", "应对方案 · Response plan", planSection))
        sections.append(section("liaison", "政府与监管联络 · Liaison with authorities", table(
            ["When", "Body 机构", "Kind", "Reference 文号", "Summary", "Response due", "Deadline"],
            d.liaison.map { [$0.at, $0.body, $0.bodyKind, $0.referenceNo ?? "", $0.summary, $0.responseDue ?? "", $0.deadline ?? ""] })))
        let mediaTable = table(["When", "Outlet 媒体", "Channel", "Tone 倾向", "Inquiry"], d.media.map { [$0.at, $0.outlet, $0.channel, $0.tone, $0.inquiry] })
        let statementTable = table(["When", "Kind", "Statement 声明"], d.statements.map { [$0.at, $0.kind, $0.title] })
        sections.append(section("media", "媒体与舆情 · Media contacts and statements", mediaTable + statementTable))
        sections.append(section("settlement", "和解与补偿 · Offer, tiers, acceptance and payments", settlementSection))
        sections.append(section("review", "复盘与整改 · Review and corrective actions", reviewSection))
        sections.append(section("response-times", "处置时效 · Response times", table(
            ["Step", "Hours"], d.responseTimes.sorted { $0.key < $1.key }.map { [$0.key, String(format: "%.1f", $0.value / 3600)] })))
        sections.append(section("integrity", "完整性 · Integrity", """
            <p>Covers the record up to event <b>\(d.integrity.lastEventSeq)</b>, hash <code>\(htmlEscaped(d.integrity.lastEventHash))</code>.</p>
            <p>Check: <code>\(htmlEscaped(d.integrity.verify))</code></p>
            """))
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>事件报告书 Incident dossier \(d.incidentId) — \(htmlEscaped(d.title))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em;color:#222;font-size:13px}
            h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.1em;border-bottom:1px solid #bbb;padding-bottom:.2em;margin-top:1.4em}
            .sub{color:#555;margin-top:0}table{border-collapse:collapse;margin:.4em 0 1em}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f1f5f9}code{font-size:.9em;word-break:break-all}@media print{body{margin:1cm}section{page-break-inside:avoid}}
            </style></head><body>
            <h1>事件报告书 · Incident dossier</h1>
            <p class=sub>\(htmlEscaped(d.title)) · incident \(d.incidentId) · \(htmlEscaped(d.state)) · level \(htmlEscaped(d.level ?? "–")) · \
            generated \(htmlEscaped(d.generatedAt)) (\(htmlEscaped(d.timeZone)))</p>
            \(sections.joined(separator: "\n"))
            </body></html>
            """
    }

    private var planSection: String {
        guard let plan = dossier.plan else { return "<p>No plan written. 未制定方案。</p>" }
        let approval = "<p>Version \(plan.version) · approved 批准: \(htmlEscaped(plan.approvedBy ?? "not yet")) \(htmlEscaped(plan.approvedAt ?? ""))</p>"
        return approval + "<p>\(htmlEscaped(plan.text))</p>" + list(plan.predictedIssues)
    }

    private var settlementSection: String {
        guard let s = dossier.settlement else { return "<p>No offer published. 未发出和解方案。</p>" }
        var head = "<p>Offer v\(s.version) published \(htmlEscaped(s.publishedAt)) · base \(htmlEscaped(s.base.description)) · "
        head += "eligible \(s.eligible) · accepted \(s.accepted) · refused \(s.refused) · paid 支付 \(htmlEscaped(s.totalPayout.description))</p>"
        let terms = list(s.tiers + (s.collective.map { ["collective: \($0)"] } ?? []))
        let rows: [[String]] = s.curve.map { [$0.day, "\($0.accepted)", "\($0.refused)", "\($0.pending)"] }
        return head + terms + table(["Day", "Accepted 接受", "Refused 拒绝", "Pending 未答复"], rows)
    }

    private var reviewSection: String {
        guard let review = dossier.review else { return "<p>No review yet. 尚未复盘。</p>" }
        var body = "<p>Version \(review.version): \(htmlEscaped(review.summary))</p>"
        body += "<h3>Root causes 根本原因</h3>" + list(review.rootCauses)
        body += "<h3>Corrective actions 整改措施</h3>" + list(review.correctiveActions)
        if let lessons = review.lessons { body += "<p>Lessons 经验: \(htmlEscaped(lessons))</p>" }
        return body
    }

    private func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "<ul>" + items.map { "<li>\(htmlEscaped($0))</li>" }.joined() + "</ul>"
    }

    private func section(_ name: String, _ heading: String, _ body: String) -> String {
        "<section data-section=\"\(name)\"><h2>\(htmlEscaped(heading))</h2>\(body)</section>"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p class=sub>None. 无。</p>" }
        return "<table><tr>" + header.map { "<th>\(htmlEscaped($0))</th>" }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.map { "<td>\(htmlEscaped($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
    }
}
