import Foundation
import XCTest

/// Checks a whole export folder with Python's standard readers: every documents/*.json and
/// JSONL record against docs/schema, every CSV with `csv.reader(strict=True)` and rectangular
/// rows, every report page with an XML parser, every brat `T` line against its .txt, and the
/// CoNLL file's BIO sequence. Prints one line of counts per check.
enum OutputChecks {
    /// Runs the checks on `folder`; returns the printed counts, failing the test on any problem.
    static func run(on folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try Python.require(module: "jsonschema")
        let r = try Python.run(script, [folder.path, repositoryRoot.appendingPathComponent("docs/schema").path])
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
        return r.output
    }

    static let script = #"""
import csv, glob, json, os, sys, xml.etree.ElementTree as ET
import jsonschema
out, schemas = sys.argv[1], sys.argv[2]
def validator(name):
    return jsonschema.Draft202012Validator(json.load(open(os.path.join(schemas, name + '.schema.json'))))
n = 0
v = validator('document')
for p in sorted(glob.glob(os.path.join(out, 'documents', '*.json'))):
    v.validate(json.load(open(p, encoding='utf-8'))); n += 1
print('documents/*.json valid:', n)
for name, schema in [('documents', 'documents-record'), ('entities', 'entities-record'), ('claims', 'claims-record')]:
    v = validator(schema); k = 0
    with open(os.path.join(out, name + '.jsonl'), encoding='utf-8') as f:
        for line in f:
            v.validate(json.loads(line)); k += 1
    print(name + '.jsonl valid records:', k)
for p in sorted(glob.glob(os.path.join(out, '*.csv'))):
    with open(p, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    assert len({len(r) for r in rows}) == 1, p
    print(os.path.basename(p), 'rows', len(rows) - 1)
k = 0
for p in sorted(glob.glob(os.path.join(out, 'report', '*.html'))):
    ET.parse(p); k += 1
print('html well-formed:', k)
k = t = 0
for p in sorted(glob.glob(os.path.join(out, 'brat', '*.ann'))):
    text = open(p[:-4] + '.txt', encoding='utf-8', newline='').read()
    for line in open(p, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[0].startswith('T'):
            frags = [tuple(map(int, x.split())) for x in f[1].split(' ', 1)[1].split(';')]
            assert ' '.join(text[a:b] for a, b in frags) == f[2], (p, line)
            t += 1
    k += 1
print('brat files', k, 'T annotations checked', t)
docs = 0; prev = 'O'
with open(os.path.join(out, 'entities.conll'), encoding='utf-8') as f:
    for line in f:
        line = line.rstrip('\n')
        if not line: prev = 'O'; continue
        tok, tag = line.split(' ')
        if tok == '-DOCSTART-': docs += 1; continue
        assert tag == 'O' or tag[:2] in ('B-', 'I-'), line
        if tag.startswith('I-'): assert prev[2:] == tag[2:], line
        prev = tag
print('conll documents', docs)
"""#
}
