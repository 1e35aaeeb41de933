/// The statistical name tagger (placeholder until the trained model lands).
struct Tagger: Sendable {
    /// Buffers reused between sentences.
    struct Scratch {}

    /// Appends name mentions with coarse labels (PER, ORG, LOC, MISC).
    func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch,
             into out: inout [Mention]) {}
}

import Foundation

extension Tagger {
    /// File name of the shipped model inside Resources.
    static let modelFileName = "ner-model.bin"

    /// Loads a model file.
    init(contentsOf url: URL) throws {
        self.init()
    }
}
