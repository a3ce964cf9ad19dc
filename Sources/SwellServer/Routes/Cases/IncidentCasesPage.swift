import Foundation
import SwellCore

/// The printable list of an incident's cases: one self-contained HTML page (inline CSS, no scripts), the rows of
/// the list as the caller's role may see them, with counts by state on top.
struct IncidentCasesPage {
    let incident: IncidentRecord
    let rows: [CaseRow]
    let generatedAt: Date
    let timeZone: TimeZone

    var html: String {
        let byState = Dictionary(grouping: rows, by: \.state).mapValues(\.count)
        let counts = CaseState.allCases.compactMap { state in byState[state].map { "\(state.rawValue) \($0)" } }.joined(separator: " · ")
        let overdue = rows.filter { !$0.overdue.isEmpty }.count
        let lines = rows.map { row -> String in
            let person = [row.complainant?.name, row.complainant?.phone].compactMap { $0 }.joined(separator: " ")
            let deadline: String = row.nextDeadline.map { "\($0.kind.rawValue) \(local($0.dueAt))" } ?? ""
            let contact: String = row.lastContactAt.map(local) ?? ""
            var cells: [String] = ["\(row.complaintId)", row.externalId, local(row.receivedAt), row.channel.rawValue, person]
            cells += [row.state.rawValue, row.assignee ?? "", row.referral ?? "", deadline]
            cells += [row.overdue.map(\.rawValue).joined(separator: ", "), contact, row.satisfaction.map(String.init) ?? ""]
            cells += [row.offerAnswer?.decision.rawValue ?? "", row.representative ? "✓" : ""]
            let cls = row.overdue.isEmpty ? "" : " class=late"
            return "<tr\(cls)>" + cells.map { "<td>\(htmlEscaped($0))</td>" }.joined() + "</tr>"
        }.joined()
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>投诉人处理清单 Cases — \(htmlEscaped(incident.title))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em;color:#222;font-size:13px}
            h1{font-size:1.3em;margin-bottom:.2em}.sub{color:#555;margin-top:0}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f1f5f9}tr.late td{background:#fef2f2}@media print{body{margin:1cm}tr{page-break-inside:avoid}}
            </style></head><body>
            <h1>投诉人处理清单 · Cases of the incident</h1>
            <p class=sub>\(htmlEscaped(incident.title)) · incident \(incident.id.map { "\($0)" } ?? "") · \(rows.count) cases · \
            \(htmlEscaped(counts)) · overdue \(overdue) · \(htmlEscaped(LocalTimeText(timeZone: timeZone).minute(generatedAt))) (\(htmlEscaped(timeZone.identifier)))</p>
            <table>
            <tr><th>#</th><th>External id</th><th>Received 收到</th><th>Channel</th><th>Complainant 投诉人</th><th>State 状态</th>\
            <th>Assignee</th><th>Referral 转办</th><th>Next deadline</th><th>Overdue 逾期</th><th>Last contact</th>\
            <th>Visit 回访</th><th>Offer</th><th>Rep.</th></tr>
            \(lines.isEmpty ? "<tr><td colspan=14>none</td></tr>" : lines)
            </table>
            </body></html>
            """
    }

    private func local(_ text: String) -> String { LocalTimeText(timeZone: timeZone).minute(text) }
}
