import ClaimStage
import DocPipe
import EntityStage
import ExportStage
import IngestStage
import NormalizeStage

extension StageRegistry {
    /// The stages that ship with docpipe.
    public static var builtIn: StageRegistry {
        StageRegistry([
            StageDescriptor(Ingest.self),
            StageDescriptor(Normalize.self),
            StageDescriptor(Entities.self),
            StageDescriptor(Claims.self),
            StageDescriptor(Export.self),
        ])
    }
}
