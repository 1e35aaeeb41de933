import DocPipe

/// The entities stage: finds named entities, dates and amounts in every sentence and gives each a
/// canonical name. Produces layer "entities" (span type = label; attributes "canonical" always,
/// "iso3" for countries), and entity tables: `entity-tables/<id>.tsv` per document and
/// `entity-table.tsv` for the corpus (see `EntityTable`). See docs/entities.md.
public struct Entities: DocumentStage {
    /// Options of the entities stage.
    public struct Options: StageOptions {
        /// Labels to keep; empty keeps all eighteen.
        public var labels: [String]
        /// Whether the trained tagger finds names (false: capitalisation heuristics only).
        public var useModel: Bool

        /// Defaults: every label, the trained model.
        public init() {
            labels = []
            useModel = true
        }

        /// Rejects unknown labels.
        public func validate() -> [String] {
            labels.filter { !Entities.labels.contains($0) }.map { "unknown entity label '\($0)' (known: \(Entities.labels.joined(separator: ", ")))" }
        }
    }

    /// "entities".
    public static let id = "entities"
    /// Bumped whenever output changes for the same input.
    public static let version = 1
    /// One line.
    public static let summary = "Named entities, dates and amounts with canonical names (trained tagger + rules + gazetteers)"
    /// Needs sentences.
    public static let requires = [LayerName.sentences]
    /// Adds the entities layer.
    public static let produces = [LayerName.entities]
    /// Writes the entity tables.
    public static let writesFiles = true

    /// Every label the stage can emit (OntoNotes names).
    public static let labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT",
                                "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"]

    private let options: Options
    /// Buffers shared by every entities stage of the process.
    private static let scratchPool = ScratchPool()

    /// Creates the stage.
    public init(options: Options) throws {
        self.options = options
    }

    /// Adds the "entities" layer.
    /// Loads the gazetteers and the tagger's model (once per process).
    public func warmUp() { _ = EntityResources.shared }

    public func process(_ document: Document, context: StageContext) async throws -> Document {
        let resources: EntityResources
        switch EntityResources.shared {
        case .success(let r): resources = r
        case .failure(let e): throw StageError(code: "entities.resources", "cannot load entity resources: \(e)")
        }
        let extractor = EntityExtractor(gazetteer: resources.gazetteer, tagger: options.useModel ? resources.tagger : nil)
        var doc = document
        let annotator = EntityAnnotator(extractor: extractor, keep: Set(options.labels))
        let (spans, tableBytes) = Self.scratchPool.with { scratch in
            let spans = annotator.annotate(document, scratch: &scratch)
            // Annotator order is layer order when spans start at increasing offsets (mentions never
            // share a start); otherwise read the layer back.
            let layerOrder = zip(spans, spans.dropFirst()).allSatisfy { $0.start < $1.start }
            return (spans, layerOrder ? EntityTable.documentBytes(scratch.entities) : nil)
        }
        doc.setLayer(LayerName.entities, spans)
        let tables = tableBytes ?? EntityTable.documentBytes(EntityTable.rows(of: doc))
        context.write(file: "\(EntityTable.documentFolder)/\(doc.id).tsv", bytes: tables.table)
        context.append(part: EntityTable.partName, bytes: tables.part)
        return doc
    }

    /// Writes the corpus entity table (canonical name, label, mentions, documents).
    public func finish(_ corpus: CorpusContext) async throws {
        var merger = EntityTable.Merger()
        try corpus.forEachPart(named: EntityTable.partName) { merger.add($0) }
        try corpus.write(file: EntityTable.corpusFile, bytes: merger.corpusBytes())
    }
}
