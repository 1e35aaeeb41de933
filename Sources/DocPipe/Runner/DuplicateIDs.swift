/// Which input files would get the document id of an earlier file, found with 8 bytes of memory
/// per file (a 64-bit xxHash of each id; equal hashes are confirmed by comparing the ids).
struct DuplicateIDs: Sendable {
    /// Later file index → the first file with the same id.
    private let firstFile: [Int32: Int32]

    init(_ files: [InputFile]) {
        var byHash: [UInt64: Int32] = [:]
        byHash.reserveCapacity(files.count)
        var collided: [String: Int32] = [:]   // ids whose hash an earlier, different id has
        var found: [Int32: Int32] = [:]
        for (i, file) in files.enumerated() {
            let id = DocumentID.from(relativePath: file.relativePath)
            let hash = XXHash64.hash(Array(id.utf8), seed: 0)
            if let j = byHash[hash] {
                if DocumentID.from(relativePath: files[Int(j)].relativePath) == id {
                    found[Int32(i)] = j
                } else if let k = collided[id] {
                    found[Int32(i)] = k
                } else {
                    collided[id] = Int32(i)
                }
            } else {
                byHash[hash] = Int32(i)
            }
        }
        firstFile = found
    }

    /// The index of the first file whose document id equals file `index`'s (nil: none, or itself).
    func firstFile(sharingIDWith index: Int) -> Int? { firstFile[Int32(index)].map(Int.init) }
}
