import DocPipe

/// Maps the many names metadata fields go by ("Author(s)", "citation_author", "og:title") to the
/// keys docpipe documents (see docs/metadata.md), normalising dates and author lists on the way.
enum MetadataFields {
    /// Known field names (lowercased, without "(s)" and trailing colons) and the key they fill.
    static let aliases: [String: String] = [
        "title": "title", "citation_title": "title", "og:title": "title", "dc.title": "title", "dcterms.title": "title",
        "twitter:title": "title", "headline": "title",
        "subtitle": "subtitle",
        "author": "authors", "authors": "authors", "by": "authors", "creator": "authors", "citation_author": "authors",
        "dc.creator": "authors", "dcterms.creator": "authors", "speaker": "authors", "article:author": "authors",
        "president": "authors", "speakers": "authors", "byline": "authors", "written by": "authors",
        "date": "date", "publication date": "date", "published": "date", "publication_date": "date", "citation_date": "date",
        "citation_publication_date": "date", "dc.date": "date", "dcterms.date": "date", "article:published_time": "date",
        "timestamp": "date", "updated": "date", "date published": "date", "citation_online_date": "date",
        "publisher": "publisher", "citation_publisher": "publisher", "og:site_name": "publisher", "dc.publisher": "publisher",
        "series": "series", "citation_series_title": "series", "citation_journal_title": "series",
        "volume": "volume", "citation_volume": "volume",
        "number": "number", "issue": "number", "citation_issue": "number", "report no.": "number", "report no": "number",
        "report number": "number", "citation_technical_report_number": "number", "product number": "number",
        "crs product number": "number",
        "language": "language", "lang": "language", "citation_language": "language", "dc.language": "language",
        "og:locale": "language", "content-language": "language",
        "url": "url", "source": "url", "link": "url", "og:url": "url", "citation_public_url": "url",
        "citation_abstract_html_url": "url", "canonical": "url",
        "description": "description", "og:description": "description", "citation_abstract": "description",
        "keywords": "keywords", "citation_keywords": "keywords", "topics": "topics", "crs topics": "topics",
        "product type": "type", "crs product type": "type", "version": "version",
    ]

    /// The docpipe key for a field name, or nil for fields we do not keep.
    static func key(for raw: String) -> String? {
        var k = Whitespace.collapse(raw).lowercased()
        while k.hasSuffix(":") { k.removeLast() }
        k = k.replacingOccurrences(of: "(s)", with: "")
        k = Whitespace.collapse(k)
        return aliases[k]
    }

    /// Stores one field: authors accumulate (split on ";"), dates become ISO 8601 when they parse,
    /// URLs must look like URLs, everything else keeps its first value.
    static func assign(key raw: String, value: String, to out: inout ReaderOutput) {
        guard let key = key(for: raw) else { return }
        assign(canonical: key, value: value, to: &out.metadata)
    }

    /// Stores a value under a docpipe key (see `assign(key:value:to:)`).
    static func assign(canonical key: String, value raw: String, to metadata: inout [String: JSONValue]) {
        let value = Whitespace.collapse(raw)
        guard !value.isEmpty else { return }
        switch key {
        case "authors":
            var list = metadata["authors"]?.arrayValue ?? []
            for part in value.split(separator: ";") {
                let name = Whitespace.collapse(String(part))
                if !name.isEmpty, !list.contains(.string(name)) { list.append(.string(name)) }
            }
            metadata["authors"] = .array(list)
        case "date":
            guard metadata["date"] == nil else { return }
            metadata["date"] = .string(DateParser.iso8601(value) ?? value)
        case "url":
            guard metadata["url"] == nil, value.hasPrefix("http://") || value.hasPrefix("https://") else { return }
            metadata["url"] = .string(value)
        case "language":
            guard metadata["language"] == nil else { return }
            metadata["language"] = .string(value.replacingOccurrences(of: "_", with: "-"))
        default:
            if metadata[key] == nil { metadata[key] = .string(value) }
        }
    }
}
