/// The files a scaffolded stage starts with: a working stage and a passing test to edit.
enum StageTemplate {
    /// Sources/<Name>Stage/<Name>.swift.
    static func source(_ n: StageName) -> String {
        #"""
        import DocPipe

        /// \#(n.typeName): marks the words listed in its `words` option as spans of layer "\#(n.id)".
        ///
        /// Scaffolded by `docpipe scaffold-stage`: replace `process` with your stage's logic, keep
        /// `requires`/`produces` honest, and bump `version` whenever the output for the same input
        /// changes (it is part of the cache key). See docs/custom-stages.md.
        public struct \#(n.typeName): DocumentStage {
            /// Options from the stage's "options" object in pipeline.json; every key needs a default.
            public struct Options: StageOptions {
                /// Words to mark, matched whole and case-insensitively.
                public var words: [String]

                /// The defaults.
                public init() { words = [] }

                /// Checks values beyond their types.
                public func validate() -> [String] {
                    words.contains { $0.isEmpty } ? ["words must not contain empty strings"] : []
                }
            }

            /// The id pipeline.json names.
            public static let id = "\#(n.id)"
            /// Bump when the output for the same input changes.
            public static let version = 1
            /// One line for `docpipe stages`.
            public static let summary = "marks the words listed in its options (scaffolded)"
            /// Ingest provides the text.
            public static let requires = [Capability.text]
            /// The layer this stage adds.
            public static let produces = ["\#(n.id)"]

            let words: Set<String>

            /// Creates a configured instance.
            public init(options: Options) {
                words = Set(options.words.map { $0.lowercased() })
            }

            /// Adds one span per occurrence of a listed word. Offsets are Unicode scalar offsets.
            public func process(_ document: Document, context: StageContext) async throws -> Document {
                var spans: [Span] = []
                var word = ""
                var start = 0
                var offset = 0
                func endWord() {
                    if !word.isEmpty, words.contains(word.lowercased()) {
                        spans.append(Span(start: start, end: offset, type: "word"))
                    }
                    word = ""
                }
                for scalar in document.text.unicodeScalars {
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        if word.isEmpty { start = offset }
                        word.unicodeScalars.append(scalar)
                    } else {
                        endWord()
                    }
                    offset += 1
                }
                endWord()
                var result = document
                result.setLayer(Self.produces[0], spans)
                return result
            }
        }

        """#
    }

    /// Tests/<Name>StageTests/<Name>Tests.swift.
    static func test(_ n: StageName) -> String {
        #"""
        import DocPipe
        import DocPipeTestSupport
        import Testing
        import \#(n.module)

        @Suite struct \#(n.typeName)Tests {
            @Test func marksTheConfiguredWordsWholeAndCaseInsensitively() async throws {
                var options = \#(n.typeName).Options()
                options.words = ["treaty"]
                let document = StageHarness.document("The Treaty was signed; treaty law and treatymaking differ.")
                let result = try await StageHarness.run(\#(n.typeName)(options: options), document).document
                #expect(MarkedText.render(result.text, result.spans("\#(n.id)"))
                        == "The [[word Treaty]] was signed; [[word treaty]] law and treatymaking differ.")
            }

            @Test func emptyWordsAreRejected() {
                var options = \#(n.typeName).Options()
                options.words = [""]
                #expect(options.validate() == ["words must not contain empty strings"])
            }
        }

        """#
    }
}
