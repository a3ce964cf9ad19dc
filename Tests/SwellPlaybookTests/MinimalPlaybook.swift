import Foundation

/// A small valid playbook; tests replace one line to break it. Line numbers matter: the
/// comment at the end of a line gives its number.
let minimalPlaybookYAML = """
name: minimal                          # 1
version: "1"                           # 2
warning:                               # 3
  minComplaints: 8                     # 4
  window: 48h                          # 5
autoOpen:                              # 6
  atLevel: orange                      # 7
phases:                                # 8
  - id: early_warning                  # 9
    title: { zh: 预警, en: Warning }   # 10
    tasks:                             # 11
      - id: notify_leadership          # 12
        title: { zh: 通知, en: Notify }  # 13
        owner: incident_manager        # 14
        due: 1h after warning          # 15
  - id: monitoring                     # 16
    title: { zh: 监控, en: Monitor }   # 17
    tasks:                             # 18
      - id: daily_report               # 19
        title: { zh: 日报, en: Report }  # 20
        owner: incident_manager        # 21
        repeat: every day at 18:00     # 22
incentives:                            # 23
  tiers:                               # 24
    - { within: 72h, percent: 20 }     # 25
    - { within: 7d, percent: 10 }      # 26
compensation:                          # 27
  currency: CNY                        # 28
  categories:                          # 29
    forced_shopping:                   # 30
      title: { zh: 强迫购物, en: Forced shopping }  # 31
      penalty: 20% of tour_price per occurrence    # 32
dailyReport:                           # 33
  at: "18:00"                          # 34
"""

/// The minimal playbook with one line (1-based) replaced.
func minimalPlaybook(replacingLine number: Int, with line: String) -> String {
    var lines = minimalPlaybookYAML.components(separatedBy: "\n")
    lines[number - 1] = line
    return lines.joined(separator: "\n")
}
