/// A problem found while setting up an external stage, as a message with the likely fix.
struct ExternalProblem: Error, Sendable {
    /// What is wrong and what to do.
    var message: String
    init(_ message: String) { self.message = message }
}
