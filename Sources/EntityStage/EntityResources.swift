import DocPipe
import Foundation

/// The stage's shipped data, loaded once per process: gazetteers and the tagger model.
struct EntityResources: Sendable {
    /// Name lists.
    let gazetteer: Gazetteer
    /// The trained tagger, or nil when the model file is missing.
    let tagger: Tagger?

    /// Folder of the package resources.
    static var folder: URL? { Bundle.module.url(forResource: "Resources", withExtension: nil) }

    /// Loads from the bundle; problems surface as a `StageError` on first use.
    static let shared: Result<EntityResources, Error> = Result { try load(folder: folder, loadModel: true) }

    /// Loads from a folder (gazetteers/ and ner-model.bin).
    static func load(folder: URL?, loadModel: Bool) throws -> EntityResources {
        guard let folder else { throw EntityResourceError("EntityStage resources not found in the bundle") }
        let gazetteer = try Gazetteer(folder: folder.appendingPathComponent("gazetteers"))
        var tagger: Tagger?
        if loadModel {
            let modelURL = folder.appendingPathComponent(Tagger.modelFileName)
            if FileManager.default.fileExists(atPath: modelURL.path) {
                tagger = try Tagger(contentsOf: modelURL, gazetteer: gazetteer)
            }
        }
        return EntityResources(gazetteer: gazetteer, tagger: tagger)
    }
}

/// Shipped resources that are missing or unreadable.
struct EntityResourceError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Reads shipped files with one `read` into an array (no `Data` and no element-by-element copy).
enum ResourceFile {
    /// The bytes of a file.
    static func bytes(_ url: URL) throws -> [UInt8] {
        guard let bytes = AtomicFile.readRegularFile(path: url.path) else { throw EntityResourceError("cannot read \(url.path)") }
        return bytes
    }
}
