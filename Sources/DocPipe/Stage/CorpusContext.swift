/// What a stage's `finish` step sees: the processed documents in order, their parts, and a way
/// to write corpus-wide files.
public protocol CorpusContext: Sendable {
    /// The stage instance's name in pipeline.json.
    var instanceName: String { get }
    /// Ids of the documents that reached this stage, in input order.
    var documentIDs: [String] { get }
    /// Calls `body` with each document's fragment of part `name`, in input order.
    func forEachPart(named name: String, _ body: ([UInt8]) throws -> Void) throws
    /// Writes a file into the output folder (atomically).
    func write(file path: String, bytes: [UInt8]) throws
    /// Writes `header`, then every document's fragment of `part` in input order, then `footer`,
    /// streaming, so memory does not grow with the corpus.
    func write(file path: String, header: [UInt8], part: String, footer: [UInt8]) throws
}
