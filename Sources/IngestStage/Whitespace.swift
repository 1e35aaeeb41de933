/// Small whitespace helpers for metadata values (not hot paths).
enum Whitespace {
    /// Trims and collapses runs of whitespace to one space.
    static func collapse(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
