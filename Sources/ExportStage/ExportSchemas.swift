/// The JSON Schemas (draft 2020-12) of the json and jsonl exports: the same text as
/// docs/schema/*.json (a test checks they agree). `docpipe schema` prints them.
public enum ExportSchemas {
    /// Every schema as (file name, JSON text), sorted by name.
    public static let all: [(name: String, json: String)] = [
        ("claims-record.schema.json", claimsRecord),
        ("document.schema.json", document),
        ("documents-record.schema.json", documentsRecord),
        ("entities-record.schema.json", entitiesRecord),
    ]

    /// The schema with this file name ("document.schema.json") or stem ("document").
    public static func named(_ name: String) -> String? {
        all.first { $0.name == name || $0.name == name + ".schema.json" }?.json
    }

    /// docs/schema/claims-record.schema.json
    static let claimsRecord = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:docpipe:schema:claims-record:1",
  "title": "docpipe claims.jsonl record",
  "description": "One line of claims.jsonl: one claim with its attributes and the entity mentions inside it.",
  "type": "object",
  "required": ["document", "index", "type", "text", "start", "end", "sourceStart", "sourceEnd", "sentence", "page", "attributes", "entities"],
  "additionalProperties": false,
  "properties": {
    "document": {"type": "string", "minLength": 1},
    "index": {"type": "integer", "minimum": 0, "description": "position among the document's claims, from 0; the report anchors it as #c<index+1>"},
    "type": {"type": "string"},
    "text": {"type": "string"},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
    "sourceStart": {"type": "integer", "minimum": 0},
    "sourceEnd": {"type": "integer", "minimum": 0},
    "sentence": {"type": ["integer", "null"], "minimum": 0},
    "page": {"type": ["integer", "null"], "minimum": 1},
    "attributes": {
      "type": "object",
      "properties": {
        "kinds": {"type": "array", "items": {"type": "string"}},
        "checkworthiness": {"type": "number", "minimum": 0, "maximum": 1}
      }
    },
    "entities": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["label", "canonical", "text", "start", "end"],
        "additionalProperties": false,
        "properties": {
          "label": {"type": "string"},
          "canonical": {"type": "string"},
          "text": {"type": "string"},
          "start": {"type": "integer", "minimum": 0},
          "end": {"type": "integer", "minimum": 0}
        }
      }
    }
  }
}
"""#

    /// docs/schema/document.schema.json
    static let document = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:docpipe:schema:document:1",
  "title": "docpipe document (documents/<id>.json)",
  "description": "One document: metadata, text, layers of stand-off spans and the map back to the source. Offsets are Unicode scalar offsets into text; sourceStart/sourceEnd are offsets into the decoded source.",
  "type": "object",
  "required": ["schemaVersion", "id", "source", "metadata", "text", "layers", "sourceMap", "warnings"],
  "additionalProperties": false,
  "properties": {
    "schemaVersion": {"const": 1},
    "id": {"type": "string", "minLength": 1},
    "source": {"$ref": "#/$defs/source"},
    "metadata": {"$ref": "#/$defs/metadata"},
    "text": {"type": "string"},
    "layers": {
      "type": "object",
      "properties": {
        "entities": {"type": "array", "items": {"$ref": "#/$defs/entitySpan"}},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claimSpan"}}
      },
      "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/span"}}
    },
    "sourceMap": {
      "description": "Copied runs [textOffset, sourceOffset, length], ordered by text offset.",
      "type": "array",
      "items": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 3, "maxItems": 3}
    },
    "warnings": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}}
  },
  "$defs": {
    "source": {
      "type": "object",
      "required": ["path", "mediaType", "bytes", "sha256"],
      "additionalProperties": false,
      "properties": {
        "path": {"type": "string"},
        "mediaType": {"type": "string"},
        "bytes": {"type": "integer", "minimum": 0},
        "sha256": {"type": "string"},
        "record": {"type": "string"}
      }
    },
    "metadata": {
      "type": "object",
      "properties": {
        "title": {"type": "string"},
        "subtitle": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "string"}},
        "date": {"type": "string"},
        "publisher": {"type": "string"},
        "series": {"type": "string"},
        "language": {"type": "string"},
        "url": {"type": "string"}
      }
    },
    "diagnostic": {
      "type": "object",
      "required": ["code", "message", "stage"],
      "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "stage": {"type": "string"}}
    },
    "span": {
      "type": "object",
      "required": ["start", "end", "type", "sourceStart", "sourceEnd"],
      "additionalProperties": false,
      "properties": {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "sourceStart": {"type": "integer", "minimum": 0},
        "sourceEnd": {"type": "integer", "minimum": 0},
        "type": {"type": "string"},
        "attributes": {"type": "object"}
      }
    },
    "entitySpan": {
      "allOf": [{"$ref": "#/$defs/span"}],
      "properties": {"attributes": {"$ref": "#/$defs/entityAttributes"}}
    },
    "claimSpan": {
      "allOf": [{"$ref": "#/$defs/span"}],
      "properties": {"attributes": {"$ref": "#/$defs/claimAttributes"}}
    },
    "entityAttributes": {
      "type": "object",
      "properties": {
        "canonical": {"type": "string"},
        "iso3": {"type": "string"},
        "confidence": {"type": "number"}
      }
    },
    "claimAttributes": {
      "type": "object",
      "properties": {
        "kinds": {"type": "array", "items": {"type": "string"}},
        "checkworthiness": {"type": "number", "minimum": 0, "maximum": 1}
      }
    }
  }
}
"""#

    /// docs/schema/documents-record.schema.json
    static let documentsRecord = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:docpipe:schema:documents-record:1",
  "title": "docpipe documents.jsonl record",
  "description": "One line of documents.jsonl: a document without its layers, with layer counts.",
  "type": "object",
  "required": ["id", "title", "source", "metadata", "text", "counts", "warnings"],
  "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "minLength": 1},
    "title": {"type": "string", "description": "metadata.title, or the id when there is none"},
    "source": {
      "type": "object",
      "required": ["path", "mediaType", "bytes", "sha256"],
      "properties": {
        "path": {"type": "string"},
        "mediaType": {"type": "string"},
        "bytes": {"type": "integer", "minimum": 0},
        "sha256": {"type": "string"},
        "record": {"type": "string"}
      }
    },
    "metadata": {"type": "object"},
    "text": {"type": "string"},
    "counts": {
      "type": "object",
      "required": ["characters", "paragraphs", "sentences", "entities", "claims", "pages"],
      "additionalProperties": {"type": "integer", "minimum": 0}
    },
    "warnings": {
      "type": "array",
      "items": {"type": "object", "required": ["code", "message", "stage"]}
    }
  }
}
"""#

    /// docs/schema/entities-record.schema.json
    static let entitiesRecord = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:docpipe:schema:entities-record:1",
  "title": "docpipe entities.jsonl record",
  "description": "One line of entities.jsonl: one entity mention.",
  "type": "object",
  "required": ["document", "index", "label", "text", "canonical", "start", "end", "sourceStart", "sourceEnd", "sentence", "page", "attributes"],
  "additionalProperties": false,
  "properties": {
    "document": {"type": "string", "minLength": 1},
    "index": {"type": "integer", "minimum": 0, "description": "position among the document's mentions, from 0"},
    "label": {"type": "string"},
    "text": {"type": "string"},
    "canonical": {"type": "string"},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
    "sourceStart": {"type": "integer", "minimum": 0},
    "sourceEnd": {"type": "integer", "minimum": 0},
    "sentence": {"type": ["integer", "null"], "minimum": 0},
    "page": {"type": ["integer", "null"], "minimum": 1},
    "attributes": {"type": "object"}
  }
}
"""#
}
