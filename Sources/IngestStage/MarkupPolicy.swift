/// How `MarkupReader` treats elements: which to drop with their content, which break paragraphs,
/// which are headings, and which fill metadata. One policy for HTML, one for SGML/XML.
struct MarkupPolicy {
    /// Elements dropped with everything inside them.
    var dropped: Set<String>
    /// Elements whose content is raw text up to their end tag (`script`, `style`).
    var rawText: Set<String>
    /// Elements that start and end a paragraph.
    var blocks: Set<String>
    /// Elements that end a line only.
    var lineBreaks: Set<String>
    /// Elements separating cells on one line.
    var cells: Set<String>
    /// Heading elements (their own paragraph, marked as headings).
    var headings: Set<String>
    /// Elements whose text fills a metadata key and is not part of the text.
    var metadataElements: [String: String]
    /// Elements whose text fills a metadata key and stays in the text.
    var metadataAndText: [String: String]
    /// Elements with no end tag.
    var void: Set<String>
    /// Whether whitespace collapses (HTML) or line breaks are kept (SGML wire text).
    var collapseWhitespace: Bool

    /// HTML pages and fragments.
    static let html = MarkupPolicy(
        dropped: ["script", "style", "nav", "header", "footer", "noscript", "template", "svg", "head", "button", "select",
                  "form", "iframe", "object", "canvas", "map", "menu", "dialog"],
        rawText: ["script", "style", "textarea", "title", "xmp"],
        blocks: ["p", "div", "section", "article", "main", "aside", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
                 "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr", "body",
                 "center", "details", "summary", "fieldset", "legend", "html"],
        lineBreaks: ["br"],
        cells: ["td", "th"],
        headings: ["h1", "h2", "h3", "h4", "h5", "h6"],
        metadataElements: [:],
        metadataAndText: [:],
        void: ["br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr"],
        collapseWhitespace: true)

    /// SGML and XML records (Reuters-21578 and the like): TITLE/HEADLINE become the title heading,
    /// DATE/AUTHOR fill metadata, code lists (TOPICS, PLACES…) and UNKNOWN are dropped.
    static let sgml = MarkupPolicy(
        dropped: ["unknown", "topics", "places", "people", "orgs", "exchanges", "companies", "mknote", "script", "style"],
        rawText: ["script", "style"],
        blocks: ["text", "p", "para", "reuters", "doc", "document", "abstract", "section", "article",
                 "record", "paragraph", "byline"],
        lineBreaks: ["br", "line"],
        cells: [],
        headings: ["title", "headline", "hl", "head"],
        metadataElements: ["date": "date", "author": "authors", "pubdate": "date", "docno": "number", "url": "url",
                           "language": "language", "publisher": "publisher"],
        metadataAndText: ["title": "title", "headline": "title", "hl": "title"],
        void: ["br"],
        collapseWhitespace: false)
}
