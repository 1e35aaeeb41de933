import DocPipe
import DocPipeCLI
import Foundation
import QuotesStage

// Every built-in stage plus our own, behind the full docpipe command line.
exit(await DocPipeCLI.main(registry: .builtIn.adding([StageDescriptor(Quotes.self)])))
