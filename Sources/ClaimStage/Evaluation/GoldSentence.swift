import DocPipe
import Foundation

/// One labelled sentence of a check-worthiness gold set.
public struct GoldSentence: Sendable, Equatable {
    /// The key predictions are matched by: the ClaimBuster sentence_id, or `FILE:LINE` for CLEF
    /// (the keys `shared/tools/claims_score.py` uses).
    public var key: String
    /// The group average precision is computed over: "all" for ClaimBuster, the debate file for CLEF.
    public var group: String
    /// The sentence.
    public var text: String
    /// Whether it is check-worthy.
    public var label: Bool
    /// Whether it belongs to the fixed dev split.
    public var isDev: Bool
}

/// The two gold formats `ClaimEvaluator` and `ClaimTrainer` read, detected from the path.
public enum GoldFormat: String, Sendable {
    /// ClaimBuster JSON: `[{"sentence_id", "label", "text"}]`.
    case claimBuster = "ClaimBuster JSON"
    /// CLEF CheckThat! task 5 TSV: `line<TAB>speaker<TAB>text<TAB>label`, one debate a file.
    case clef = "CLEF TSV"
}

/// Reads gold sets and marks their fixed dev splits.
///
/// Dev splits: a ClaimBuster sentence is dev when the first 8 bytes of SHA-256 of its decimal
/// sentence_id, read as a big-endian integer, are ≡ 0 mod 10 (about 10 %); a CLEF debate is dev
/// when it is among the 10 latest files of its folder by name (names start with the date).
public enum GoldReader {
    /// Number of latest CLEF debates held out as dev.
    public static let clefDevDebates = 10

    /// The format of a path: a folder or a .tsv file is CLEF; otherwise a file starting with `[` is ClaimBuster.
    public static func format(of path: String) throws -> GoldFormat {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw StageError(code: "claims.gold-missing", "gold file not found: \(path)")
        }
        if isDir.boolValue || path.lowercased().hasSuffix(".tsv") { return .clef }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StageError(code: "claims.gold-unreadable", "cannot read \(path)") }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 4096)
        if let first = head.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
           first == UInt8(ascii: "[") {
            return .claimBuster
        }
        return .clef
    }

    /// Reads a gold set in either format.
    public static func read(_ path: String) throws -> (GoldFormat, [GoldSentence]) {
        let format = try format(of: path)
        switch format {
        case .claimBuster: return (format, try readClaimBuster(path))
        case .clef: return (format, try readCLEF(path))
        }
    }

    /// Whether a ClaimBuster sentence id is in the dev split.
    public static func isClaimBusterDev(_ id: String) -> Bool {
        let digest = SHA256.hex(of: Array(id.utf8))
        let prefix = UInt64(digest.prefix(16), radix: 16) ?? 0
        return prefix % 10 == 0
    }

    /// Reads ClaimBuster JSON.
    public static func readClaimBuster(_ path: String) throws -> [GoldSentence] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw StageError(code: "claims.gold-syntax", "\(path): \(error)")
        }
        guard let rows = json.arrayValue else { throw StageError(code: "claims.gold-shape", "\(path): expected a JSON array") }
        var out: [GoldSentence] = []
        out.reserveCapacity(rows.count)
        for (n, row) in rows.enumerated() {
            guard let text = row["text"]?.stringValue, let label = row["label"]?.intValue else {
                throw StageError(code: "claims.gold-shape", "\(path): item \(n) needs \"text\" and \"label\"")
            }
            let id = row["sentence_id"]?.intValue.map(String.init) ?? row["sentence_id"]?.stringValue ?? String(n)
            out.append(GoldSentence(key: id, group: "all", text: text, label: label == 1, isDev: isClaimBusterDev(id)))
        }
        return out
    }

    /// Reads a CLEF folder (every .tsv in it, sorted by name) or a single CLEF .tsv file.
    public static func readCLEF(_ path: String) throws -> [GoldSentence] {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        let files: [String]
        if isDir.boolValue {
            files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".tsv") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        let dev = Set(isDir.boolValue ? files.suffix(clefDevDebates) : [])
        var out: [GoldSentence] = []
        for file in files {
            let name = (file as NSString).lastPathComponent
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                let row = line.hasSuffix("\r") ? line.dropLast() : line[...]
                if row.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                let cols = row.split(separator: "\t", omittingEmptySubsequences: false)
                guard cols.count >= 4, let label = Int(cols[3].trimmingCharacters(in: .whitespaces)) else {
                    throw StageError(code: "claims.gold-shape", "\(name):\(n + 1): expected line<TAB>speaker<TAB>text<TAB>label")
                }
                out.append(GoldSentence(key: "\(name):\(cols[0])", group: name, text: String(cols[2]), label: label == 1,
                                        isDev: dev.contains(file)))
            }
        }
        return out
    }
}
