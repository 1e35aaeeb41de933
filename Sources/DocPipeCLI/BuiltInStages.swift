import DocPipe

extension StageRegistry {
    /// The stages that ship with docpipe.
    public static var builtIn: StageRegistry { StageRegistry([]) }
}
