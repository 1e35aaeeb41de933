import Foundation

/// Converts stage options between their Codable types and JSON values.
public enum OptionsCoding {
    /// Options as a JSON value.
    public static func encode<O: Encodable>(_ options: O) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(options), let value = try? JSONParser.parse(Array(data)) else { return .object([:]) }
        return value
    }

    /// Decodes options from a JSON value, turning decoding failures into `OptionsDecodingError`.
    public static func decode<O: Decodable>(_ type: O.Type, from value: JSONValue) throws -> O {
        let data = Data(JSONWriter().bytes(value))
        do {
            return try JSONDecoder().decode(O.self, from: data)
        } catch let error as DecodingError {
            throw OptionsDecodingError(error)
        }
    }
}

/// An options value of the wrong type or shape, with the key path where it happened.
public struct OptionsDecodingError: Error, Sendable, CustomStringConvertible {
    /// Key path inside the options object (["formats", "[1]"]).
    public var path: [String]
    /// What was wrong.
    public var message: String

    init(_ error: DecodingError) {
        func render(_ keys: [any CodingKey]) -> [String] {
            keys.map { k in k.intValue.map { "[\($0)]" } ?? JSONPath.member(k.stringValue) }
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            path = render(ctx.codingPath)
            message = "expected \(OptionsDecodingError.describe(type))"
        case .valueNotFound(let type, let ctx):
            path = render(ctx.codingPath)
            message = "expected \(OptionsDecodingError.describe(type)), found null"
        case .keyNotFound(let key, let ctx):
            path = render(ctx.codingPath)
            message = "missing required option '\(key.stringValue)'"
        case .dataCorrupted(let ctx):
            path = render(ctx.codingPath)
            message = ctx.debugDescription
        @unknown default:
            path = []
            message = "\(error)"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Double", "Float": return "a number"
        case "Bool": return "true or false"
        default:
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }

    /// The message.
    public var description: String { message }
}
