/// Fills `{slot}` placeholders in a phrase template; unknown slots are left empty.
enum Template {
    static func render(_ template: String, _ slots: [String: String]) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + 32)
        var name = ""
        var inSlot = false
        for character in template {
            if character == "{" {
                inSlot = true
                name = ""
            } else if character == "}", inSlot {
                inSlot = false
                out += slots[name] ?? ""
            } else if inSlot {
                name.append(character)
            } else {
                out.append(character)
            }
        }
        return out
    }
}
