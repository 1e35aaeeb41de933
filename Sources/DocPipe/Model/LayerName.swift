/// Well-known layer names shared by the built-in stages. Custom stages may add any other name.
public enum LayerName {
    /// Paragraph spans (type "paragraph", or "heading").
    public static let paragraphs = "paragraphs"
    /// Sentence spans (type "sentence").
    public static let sentences = "sentences"
    /// Token spans (optional; stages that tokenise may share theirs).
    public static let tokens = "tokens"
    /// Entity mentions (type = label such as "PERSON"; attribute "canonical").
    public static let entities = "entities"
    /// Claim sentences (type "claim"; attributes kinds, hedges, checkworthiness…).
    public static let claims = "claims"
    /// Page spans for paginated sources (type "page", attribute "number").
    public static let pages = "pages"
}

/// Capabilities a stage can require or produce besides layers: the text itself and metadata.
public enum Capability {
    /// The document text exists (produced by ingest).
    public static let text = "text"
    /// Text has been normalized (NFC, whitespace, boilerplate).
    public static let normalizedText = "normalized-text"
}
