import ClaimStage
import DocPipe
import EntityStage
import Foundation

/// `docpipe eval ner|claims`: scores the shipped models against gold data.
enum EvalCommand: Command {
    static let name = "eval"
    static let summary = "score entities (CoNLL/BIO gold) or check-worthiness (ClaimBuster/CLEF gold)"
    static let help = """
        USAGE: docpipe eval ner --gold FILE [--re3d] [--named-only] [--write-pred FILE]
               docpipe eval claims --gold PATH [--subset all|dev|train] [--predictions FILE]

        ner     runs the entities stage's extractor on each gold sentence (tokens joined by single
                spaces), maps labels to CoNLL types (GPE/LOC/FAC → LOC; NORP/EVENT/LAW/WORK_OF_ART/
                PRODUCT/LANGUAGE → MISC; numeric types dropped) and prints conlleval-style
                precision/recall/F1 per type and overall. --re3d maps re3d's types (Person,
                Organisation, Location, Nationality) first; --named-only drops gold mentions with no
                capital letter or digit; --write-pred writes "token gold pred" lines that
                conlleval or ../shared/tools/conll_score.py can score.
        claims  scores check-worthiness on ClaimBuster JSON or CLEF TSV (a file or a folder of
                debates): precision/recall/F1 of the check-worthy class at the model's threshold,
                and average precision (mean over debates for CLEF). --subset dev scores the fixed dev
                split only; --predictions writes KEY<TAB>SCORE lines for claims_score.py.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--re3d", "--named-only"],
                                     options: ["--gold", "--write-pred", "--subset", "--predictions"]) else { return ExitCode.usage }
        guard a.positional.count == 1, let task = a.positional.first, ["ner", "claims"].contains(task) else {
            env.console.err("error: say what to evaluate: 'ner' or 'claims'\n\n\(help)")
            return ExitCode.usage
        }
        guard let gold = a.values["--gold"] else {
            env.console.err("error: --gold FILE is required")
            return ExitCode.usage
        }
        let goldURL = env.resolve(gold)
        do {
            if task == "ner" {
                let evaluator = try NEREvaluator()
                let result = try evaluator.evaluate(goldFile: goldURL, goldLabels: a.flags.contains("--re3d") ? NEREvaluator.re3dLabelMap : nil,
                                                    namedOnly: a.flags.contains("--named-only"))
                env.console.out(result.report())
                if let pred = a.values["--write-pred"] {
                    try AtomicFile.write(Array(result.predictionsBIO().utf8), to: env.resolve(pred))
                }
            } else {
                let subset = ClaimEvaluator.Subset(rawValue: a.values["--subset"] ?? "all")
                guard let subset else {
                    env.console.err("error: --subset expects all, dev or train")
                    return ExitCode.usage
                }
                let report = try ClaimEvaluator().evaluate(goldPath: goldURL.path, subset: subset)
                env.console.out(report.rendered())
                if let pred = a.values["--predictions"] {
                    try AtomicFile.write(Array(report.predictionsTSV.utf8), to: env.resolve(pred))
                }
            }
        } catch {
            env.console.err("error: \(error)")
            return ExitCode.ioError
        }
        return ExitCode.success
    }
}
