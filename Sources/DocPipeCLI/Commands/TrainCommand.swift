import ClaimStage
import DocPipe
import EntityStage
import Foundation

/// `docpipe train ner|claims`: rebuilds a shipped model deterministically (run in release).
enum TrainCommand: Command {
    static let name = "train"
    static let summary = "rebuild the entity tagger or the check-worthiness model from training data"
    static let help = """
        USAGE: docpipe train ner --train FILE [--dev FILE] [--out FILE] [--resources DIR]
               docpipe train claims --data DIR [--out FILE]

        ner     trains the entity tagger on CoNLL-2003-style BIO data (epochs tuned on --dev) and
                writes the model (default: Sources/EntityStage/Resources/ner-model.bin). The word
                lexicon and gazetteers come from --resources (default: the shipped ones).
        claims  trains the check-worthiness model on DIR/claimbuster/train.json and
                DIR/clef2020-checkthat-task5/training/ (default DIR: ../shared/eval/claims) and
                writes it (default: Sources/ClaimStage/Resources/checkworthiness.bin, plus its
                figures in checkworthiness.json).

        Training is deterministic: the same data gives the same bytes. Build in release first
        (swift build -c release); see the model cards for the data and its licences.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: [], options: ["--train", "--dev", "--out", "--resources", "--data"]) else {
            return ExitCode.usage
        }
        guard a.positional.count == 1, let task = a.positional.first, ["ner", "claims"].contains(task) else {
            env.console.err("error: say what to train: 'ner' or 'claims'\n\n\(help)")
            return ExitCode.usage
        }
        do {
            if task == "ner" {
                guard let train = a.values["--train"] else {
                    env.console.err("error: --train FILE is required")
                    return ExitCode.usage
                }
                let out = env.resolve(a.values["--out"] ?? "Sources/EntityStage/Resources/ner-model.bin")
                let report = try NERTrainer().train(train: env.resolve(train), dev: a.values["--dev"].map { env.resolve($0) }, output: out,
                                                    resources: a.values["--resources"].map { env.resolve($0) }, log: { env.console.err($0) })
                env.console.out("wrote \(out.path) (\(report.modelBytes) bytes); best epoch \(report.bestEpoch), dev F1 \(String(format: "%.2f", report.quantizedDevF1))")
            } else {
                let data = env.resolve(a.values["--data"] ?? "../shared/eval/claims")
                let out = env.resolve(a.values["--out"] ?? "Sources/ClaimStage/Resources/checkworthiness.bin")
                let result = try ClaimTrainer(dataDirectory: data.path).train(log: { env.console.err($0) })
                try result.write(modelPath: out.path)
                env.console.out(result.summary)
                env.console.out("wrote \(out.path)")
            }
        } catch {
            env.console.err("error: \(error)")
            return ExitCode.ioError
        }
        return ExitCode.success
    }
}
