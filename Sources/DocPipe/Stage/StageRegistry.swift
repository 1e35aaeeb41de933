/// The stage types a pipeline can name, by id.
public struct StageRegistry: Sendable {
    /// Descriptors by id.
    public private(set) var descriptors: [String: StageDescriptor] = [:]

    /// A registry of the given stages.
    public init(_ descriptors: [StageDescriptor] = []) {
        for d in descriptors { register(d) }
    }

    /// Adds (or replaces) a stage type.
    public mutating func register(_ descriptor: StageDescriptor) { descriptors[descriptor.id] = descriptor }

    /// A copy with more stage types.
    public func adding(_ more: [StageDescriptor]) -> StageRegistry {
        var r = self
        for d in more { r.register(d) }
        return r
    }

    /// All ids, sorted.
    public var ids: [String] { descriptors.keys.sorted() }

    /// The descriptor for an id.
    public subscript(id: String) -> StageDescriptor? { descriptors[id] }
}
