import Foundation
import SwellCore
import SwellEngine

/// The printable daily monitoring report: one self-contained HTML page (inline CSS and SVG, no scripts,
/// no external assets). Counts only, no complainant's personal data.
struct DailyReportPage {
    let incident: IncidentRecord
    let report: StoredDailyReport
    let timeZone: TimeZone
    /// The current offer's acceptance curve up to the report's end, if an offer was out.
    var curve: AcceptanceCurve?

    var html: String {
        let r = report.report
        let channels = r.complaintsByChannel.map { "<tr><td>\(htmlEscaped($0.channel))</td><td class=n>\($0.count)</td></tr>" }.joined()
        let overdue = report.overdueTasks.isEmpty
            ? "<p>None.</p>"
            : "<table><tr><th>Task</th><th>Owner</th><th>Due</th></tr>" + report.overdueTasks.map {
                "<tr><td>\(htmlEscaped($0.title))</td><td>\(htmlEscaped($0.ownerRole.rawValue))</td><td>\(htmlEscaped(local($0.dueAt)))</td></tr>"
            }.joined() + "</table>"
        var settlement = "<p>No offer published yet.</p>"
        if let totals = r.settlement {
            let rate = totals.acceptanceRate.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
            settlement = """
                <table><tr><th>Eligible</th><th>Accepted</th><th>Rate</th><th>Current tier</th><th>Total payout</th></tr>
                <tr><td class=n>\(totals.eligible)</td><td class=n>\(totals.accepted)</td><td class=n>\(rate)</td>\
                <td class=n>\(totals.currentTierIndex.map { "\($0 + 1)" } ?? "none")</td><td class=n>\(htmlEscaped(totals.totalPayout.description))</td></tr></table>
                """
        }
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>每日监控报告 Daily report \(htmlEscaped(report.day)) — \(htmlEscaped(incident.title))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em;margin-bottom:.2em}.sub{color:#555;margin-top:0}
            table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.3em .7em;text-align:left}
            td.n{text-align:right}.kpi{display:flex;gap:1.5em;margin:1em 0}.kpi div{border:1px solid #bbb;padding:.5em 1em}
            .kpi b{display:block;font-size:1.6em}@media print{body{margin:1cm}}
            </style></head><body>
            <h1>每日监控报告 · Daily monitoring report</h1>
            <p class=sub>\(htmlEscaped(incident.title)) · incident \(incident.id.map { "\($0)" } ?? "") · \(htmlEscaped(incident.state.rawValue)) · \
            \(htmlEscaped(report.day)) (\(htmlEscaped(local(r.period.start))) → \(htmlEscaped(local(r.period.end))), \(htmlEscaped(timeZone.identifier)))</p>
            <div class=kpi>
            <div>New complaints 新增投诉<b>\(r.newComplaints)</b>\(r.complaintTrend.rawValue)</div>
            <div>Total 累计<b>\(r.totalComplaints)</b></div>
            <div>Media contacts 媒体接触<b>\(r.mediaContacts)</b>negative \(r.negativeMediaContacts), \(r.negativeMediaTrend.rawValue)</div>
            <div>Overdue tasks 逾期任务<b>\(r.overdueTaskIds.count)</b></div>
            </div>
            <h2>Complaints per day 每日投诉</h2>
            \(DailyChart(counts: report.dailyCounts).svg)
            \(report.media.map(mediaSection) ?? "")
            <h2>By channel 渠道</h2>
            <table><tr><th>Channel</th><th>New</th></tr>\(channels.isEmpty ? "<tr><td colspan=2>none</td></tr>" : channels)</table>
            <h2>Overdue tasks 逾期任务</h2>
            \(overdue)
            <h2>Settlement 和解进度</h2>
            \(settlement)
            \(curve.map { "<h3>Acceptance by day 每日累计接受</h3>" + AcceptanceChart(curve: $0, timeZone: timeZone).svg } ?? "")
            </body></html>
            """
    }

    private func local(_ date: Date) -> String { LocalTimeText(timeZone: timeZone).minute(date) }

    /// Public mentions matched to the incident (舆情): the day's figures, the top negative stories with their links,
    /// the outlets, and mentions per day on the same days as the complaints chart.
    private func mediaSection(_ media: DailyMediaReport) -> String {
        let stories = media.topNegativeStories.isEmpty
            ? "<p>No negative story today.</p>"
            : "<table><tr><th>Story</th><th>Source</th><th>Copies</th><th>Reach</th></tr>" + media.topNegativeStories.map {
                "<tr><td><a href=\"\(htmlEscaped($0.url))\">\(htmlEscaped($0.headline))</a></td>"
                    + "<td>\(htmlEscaped($0.outlet ?? $0.source.rawValue))</td><td class=n>\($0.copies)</td><td class=n>\($0.reach)</td></tr>"
            }.joined() + "</table>"
        let outlets = media.topOutlets.map { "\(htmlEscaped($0.outlet)) (\($0.count))" }.joined(separator: ", ")
        return """
            <h2>Media and public opinion 媒体与舆情</h2>
            <div class=kpi>
            <div>Mentions 提及<b>\(media.mentions)</b>\(media.trend.rawValue)</div>
            <div>New stories 新话题<b>\(media.newStories)</b></div>
            <div>Negative share 负面占比<b>\(String(format: "%.0f%%", media.negativeShare * 100))</b></div>
            <div>Reach 覆盖<b>\(media.reach)</b></div>
            </div>
            <p>Top outlets 主要来源: \(outlets.isEmpty ? "none" : outlets)</p>
            <h3>Top negative stories 主要负面话题</h3>
            \(stories)
            <h3>Mentions per day 每日提及</h3>
            <div class=mentions-chart>\(DailyChart(counts: media.dailyCounts).svg)</div>
            """
    }
}

/// A bar chart of complaints per day as inline SVG.
struct DailyChart {
    let counts: [DailyCount]

    var svg: String {
        let width = 640.0, height = 200.0, left = 36.0, bottom = 28.0
        let top = Double(max(1, counts.map(\.count).max() ?? 1))
        let slot = (width - left) / Double(max(1, counts.count))
        var parts: [String] = []
        parts.append("<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#888\"/>")
        parts.append("<text x=\"\(left - 4)\" y=\"12\" text-anchor=\"end\" font-size=\"11\">\(Int(top))</text>")
        for (index, entry) in counts.enumerated() {
            let barHeight = (height - bottom - 16) * Double(entry.count) / top
            let x = left + Double(index) * slot + slot * 0.15
            let y = height - bottom - barHeight
            parts.append(
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(barHeight))\" fill=\"#c0392b\"><title>\(htmlEscaped(entry.day)): \(entry.count)</title></rect>")
            parts.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(y - 3))\" text-anchor=\"middle\" font-size=\"11\">\(entry.count)</text>")
            parts.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"10\">\(htmlEscaped(String(entry.day.suffix(5))))</text>")
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"complaints per day\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
            + parts.joined() + "</svg>"
    }

    private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// The acceptance curve as inline SVG: per local day a column of accepted (green), refused (red) and not yet
/// answered (grey), with the tier ends marked below the day they fall in.
struct AcceptanceChart {
    let curve: AcceptanceCurve
    let timeZone: TimeZone

    var svg: String {
        let width = 640.0, height = 200.0, left = 36.0, bottom = 40.0
        let total = Double(max(1, curve.buckets.map { $0.accepted + $0.refused + $0.pending }.max() ?? 1))
        let slot = (width - left) / Double(max(1, curve.buckets.count))
        let inner = height - bottom - 10
        var parts = ["<text x=\"\(left - 4)\" y=\"14\" text-anchor=\"end\" font-size=\"11\">\(Int(total))</text>"]
        for (index, bucket) in curve.buckets.enumerated() {
            var y = height - bottom
            let x = left + Double(index) * slot + slot * 0.15
            for (count, colour, name) in [(bucket.accepted, "#16a34a", "accepted"), (bucket.refused, "#dc2626", "refused"), (bucket.pending, "#cbd5e1", "pending")] {
                let h = inner * Double(count) / total
                y -= h
                parts.append(
                    "<rect class=\"\(name)\" x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" fill=\"\(colour)\"><title>\(name) \(count)</title></rect>")
            }
            let day = LocalTimeText(timeZone: timeZone).day(bucket.startsAt)
            parts.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"10\">\(day)</text>")
            for (tier, end) in curve.tierEnds.enumerated() where end >= bucket.startsAt && end < bucket.endsAt {
                parts.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - bottom + 28))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#7c3aed\">T\(tier + 1) ends</text>")
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"acceptance\" role=\"img\" aria-label=\"acceptance by day\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
            + parts.joined() + "</svg>"
    }


    private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Escapes text for HTML.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
