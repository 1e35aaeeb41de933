import DocPipe
import Foundation
import XCTest
@testable import NormalizeStage

/// Hard cases for the sentence splitter, drawn from the sample papers (../shared/corpus/sample):
/// each row is a paragraph with `||` where sentences end. The accuracy over the table is printed
/// and reported in docs/ingest-normalize.md; the test fails below 90%.
final class SentenceSplitterTests: XCTestCase {
    static let cases: [String] = [
        // Abbreviations: U.S., U.N., titles.
        "The extent to which June 2025 and February 2026 Israeli and U.S. airstrikes affected Iran's ability to produce nuclear weapons is unclear. || Since the early 2000s, Tehran's construction of gas centrifuge facilities has been the main source of proliferation concern.",
        "Approximately 28,500 U.S. troops are stationed in South Korea, known as U.S. Forces Korea (USFK). || In 2025, South Korea was the United States' eighth-largest goods trading partner.",
        "With Korea and Japan, we called an emergency meeting of the U.N. Security Council which began on Friday.",
        "Governments with egregious human rights records sit on the U.N. Human Rights Council.",
        "Trade surplus with the U.S. is bound to diminish as the won appreciates. || He said South Korea is the fourth largest importer of U.S. farm products.",
        "He said South Korea is the fourth largest importer of U.S. || The ministry gave no figures.",
        "Lawson said the U.S. Should embark on \"a gradual reduction of its fiscal deficits over the next two or three years.\"",
        "Australia \"must work even more closely with the U.S., our closest ally and principal strategic partner.\" || Observers welcomed the statement.",
        "I should also like to pay tribute to our outgoing President, Mr. Alex Quaison-Sackey, who guided the nineteenth session.",
        "And we welcome the new Minister of Women's Affairs, Dr. Sima Samar. || In Afghanistan, girls are back in school.",
        "PRESIDENT TRUMP: Mr. Secretary General, Mr. President, world leaders, and distinguished delegates: Welcome to New York. || It is a profound honor to stand here in my home city.",
        "Gen. Matthew Ridgway, has already demonstrated that he has the great qualities of military leadership needed for this task.",
        "Allow me at the outset to express my sincere congratulations to Mr. Vuk Jeremić on his assumption of the presidency.",
        "I express the hope that, under your able guidance, Mr. President, this session will be crowned with a successful outcome.",
        "In a March 2026 testimony, U.S. Strategic Command (STRATCOM) Commander Admiral Richard Correll stated that Russia had up to 2,000 warheads.",
        "The U.S. government describes U.S. residents' holdings differently. || The U.S. intelligence community's 2026 Annual Threat Assessment agreed.",
        "Neither the U.S. government nor the IAEA have publicly described a timeline. || Whether this is still the U.S. assessment is unclear.",
        // Initials.
        "When John F. Kennedy was President, defense spending as a share of the Federal budget was much higher.",
        "On February 5, 2026, President Donald J. Trump posted on social media. || Russian officials responded on February 11.",
        "President: George W. Bush",
        "CRS Report R45723, Fiscal Policy: Economic Effects, by Lida R. Weinstock.",
        "Authors: Trachtenberg, Danielle M.; Villarreal, M. Angeles",
        // Decimals, money, percentages.
        "In comparison, the 2025 U.S. trade deficit with China was $295.5 billion. || Mexico was the top U.S. trading partner in goods in 2025, with total goods trade valued at $872.8 billion, followed by Canada and China.",
        "Mexico's GDP was $1.8 trillion in 2025, compared to the U.S. GDP of $31.7 trillion. || Per capita GDP in Mexico was $13,874 in 2025, compared to $88,612 in the United States.",
        "Mexico's real gross domestic product (GDP) grew by 0.6% in 2025 and is forecast to grow by 1.5% in 2026 and 1.7% in 2027.",
        "Imports included computer equipment ($90.8 billion), motor vehicles ($84.4 billion), and medical instruments ($14.7 billion). || Services trade largely consisted of travel.",
        "Australia is the world's sixth-largest country by surface area (2.96 million sq. km). || It has a population of 27 million.",
        "Australia plans an additional AU$50.3 billion in defense spending. || The plan runs to 2035.",
        "Pointing to the record 4.8 billion stg rise in U.K. May currency reserves announced today he said the Bank had intervened.",
        "The trade balance went from a surplus of $1.7 billion in 1993 (the year before NAFTA entered into force) to a deficit of $171.5 billion in 2025.",
        "Noting the 6,000 billion yen economic package announced by Japanese Prime Minister Yasuhiro Nakasone last week, Lawson said growth was needed.",
        // Quotes and brackets after the full stop.
        "Notice that he used the word \"liberation.\" || This is Communist double-talk meaning \"conquest.\"",
        "In other words, we must unify the people of Asia and crush the United States.\" || Again, \"liberation\" in \"commie\" language means conquest.",
        "Shannon Spann said these words of farewell, \"Semper Fi, my love.\" || Shannon is with us tonight.",
        "For too long our culture has said, \"If it feels good, do it.\" || Now America is embracing a new ethic and a new creed, \"Let's roll.\"",
        "President Truman said some 70 years ago, on the “independent strength of its members.” || If we are to embrace the opportunities of the future, we must act.",
        "A former commissioner described the situation as “incomparable … anywhere in the world, past or present.” || And Thomas Buergenthal described the camps as “terrible, or even worse, than Nazi camps.”",
        "The Supreme Leader had \"not reauthorized the nuclear weapons program he suspended in 2003.\" || IAEA Director General Rafael Grossi stated otherwise in March.",
        "Russia did not carry out \"any large-scale activity above the Treaty limits in 2025.\" || The report stated that Russia remained in compliance.",
        "(For more information, see CRS Report R48875.) || The annual Australia-U.S. Ministerial (AUSMIN) consultations are central to the relationship.",
        "(See CRS In Focus IF12964.) || The United States and Russia have not met to discuss future arms control.",
        "We will always put America first. (Applause.) || The Iran Deal was one of the worst transactions the United States has ever entered into.",
        "The only question is: What is the best time to meet the threat? || The best time to meet the threat is in the beginning.",
        "\"Why now?\" he asked. || Nobody answered.",
        "Is this the end? || No. || It is only the beginning!",
        // e.g., i.e., etc., No., Vol., months.
        "The FYP also emphasizes upgrading legacy industries (e.g., steel, petrochemicals, shipbuilding), and boosting advanced manufacturing.",
        "The plan names priority areas, i.e., quantum technology and biomanufacturing. || It sets no spending targets.",
        "Priorities include smart cities, health, meteorology, renewables, tourism, etc. || The plan seeks to expand China's BeiDou satellite network.",
        "See Executive Order No. 14257 of April 2, 2025. || It imposed reciprocal tariffs.",
        "Issues & Insights Vol. 19, WP 13 was published by Pacific Forum. || It concerns North Korea.",
        "The talks were held on Sept. 5 in Geneva. || They ended without agreement.",
        "The treaty entered into force on Feb. 5, 2011, and expired in 2026.",
        // Ellipses.
        "We have been playing a very full part ourselves … We have been intervening to a very much greater extent than we had done hitherto.",
        "It would be more difficult to maintain exchange rate stability … in this respect, he said.",
        // List items and numbered paragraphs.
        "1. Increase the budget of the agency.",
        "IV. The situation in the Middle East",
        "34. We meet this morning in a mood of accomplishment and gratification. || Just twenty-four hours ago a great milestone in the life of the United Nations was passed.",
        // Miscellaneous.
        "U.S. imports from Mexico are subject to a 10% tariff in some cases. || Certain U.S. imports from Mexico also are subject to tariffs on steel.",
        "Lawson told reporters in London. || REUTER",
        "The Louvre accord of Feb. 22 produced stability. || Lawson was content.",
        "Pyongyang's new Hwasong-17 missile flew 6,000 km. || Analysts called it a major step.",
        "Apple Inc. announced earnings. || The Company Inc. reports next week.",
        "Trade with the EU rose 4.5 percent. || Exports to Japan fell.",
    ]

    func testHardCases() {
        let splitter = SentenceSplitter()
        var exact = 0
        var truePositive = 0, falsePositive = 0, falseNegative = 0
        var failures: [String] = []
        for row in Self.cases {
            let expected = row.components(separatedBy: " || ")
            let text = expected.joined(separator: " ")
            let bytes = Array(text.utf8)
            let got = splitter.split(bytes, 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
            if got == expected { exact += 1 } else { failures.append("expected \(expected)\n     got \(got)") }
            let expectedEnds = Set(boundaries(expected)), gotEnds = Set(boundaries(got))
            truePositive += expectedEnds.intersection(gotEnds).count
            falsePositive += gotEnds.subtracting(expectedEnds).count
            falseNegative += expectedEnds.subtracting(gotEnds).count
        }
        let accuracy = Double(exact) / Double(Self.cases.count)
        let precision = Double(truePositive) / Double(max(1, truePositive + falsePositive))
        let recall = Double(truePositive) / Double(max(1, truePositive + falseNegative))
        print(String(format: "sentence splitter: %d/%d paragraphs exactly right (%.1f%%); boundaries: precision %.3f, recall %.3f",
                     exact, Self.cases.count, accuracy * 100, precision, recall))
        for f in failures { print("  " + f) }
        XCTAssertGreaterThanOrEqual(Self.cases.count, 50)
        XCTAssertGreaterThanOrEqual(accuracy, 0.9, failures.joined(separator: "\n"))
    }

    /// Sentence end offsets (in characters) inside the joined paragraph, the last one excluded.
    private func boundaries(_ sentences: [String]) -> [Int] {
        var ends: [Int] = []
        var offset = 0
        for s in sentences.dropLast() {
            offset += s.count
            ends.append(offset)
            offset += 1
        }
        return ends
    }

    /// A held-out check: the CLEF 2020 CheckThat! Task 5 transcripts (../shared/eval, not in the
    /// repository) give one sentence per row. Consecutive rows of one speaker are joined into a
    /// paragraph (up to 8 rows) and split again; boundaries are compared.
    func testHeldOutDebateTranscripts() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = repo.deletingLastPathComponent().appendingPathComponent("shared/eval/claims/clef2020-checkthat-task5/training")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw XCTSkip("../shared/eval/claims/clef2020-checkthat-task5 is not present; the held-out splitter check needs it")
        }
        let splitter = SentenceSplitter()
        var truePositive = 0, falsePositive = 0, falseNegative = 0, paragraphs = 0
        for name in names.sorted() where name.hasSuffix(".tsv") {
            let rows = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }.filter { $0.count >= 3 }
            var group: [String] = []
            var speaker = ""
            func flush() {
                defer { group.removeAll() }
                let sentences = group.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard sentences.count >= 1 else { return }
                paragraphs += 1
                let text = sentences.joined(separator: " ")
                let bytes = Array(text.utf8)
                let got = splitter.split(bytes, 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
                let expectedEnds = Set(boundaries(sentences)), gotEnds = Set(boundaries(got))
                truePositive += expectedEnds.intersection(gotEnds).count
                falsePositive += gotEnds.subtracting(expectedEnds).count
                falseNegative += expectedEnds.subtracting(gotEnds).count
            }
            for row in rows {
                if row[1] != speaker || group.count == 8 { flush(); speaker = row[1] }
                group.append(row[2])
            }
            flush()
        }
        let precision = Double(truePositive) / Double(max(1, truePositive + falsePositive))
        let recall = Double(truePositive) / Double(max(1, truePositive + falseNegative))
        print(String(format: "sentence splitter on CLEF 2020 transcripts: %d paragraphs, %d boundaries; precision %.3f, recall %.3f",
                     paragraphs, truePositive + falseNegative, precision, recall))
        XCTAssertGreaterThan(precision, 0.9)
        XCTAssertGreaterThan(recall, 0.85)
    }

    func testSplitsInsideParagraphsOnly() async throws {
        let doc = try await normalize("Dr. Kim arrived. He spoke.\n\nNo. 5 was next. Then lunch.")
        XCTAssertEqual(texts(doc, LayerName.sentences), ["Dr. Kim arrived.", "He spoke.", "No. 5 was next.", "Then lunch."])
        assertWellFormed(doc)
    }

    func testUserAbbreviations() {
        let bytes = Array("See Annex. Tab. B lists them.".utf8)
        let plain = SentenceSplitter().split(bytes, 0..<bytes.count).count
        let custom = SentenceSplitter(extra: ["Tab", "Annex"]).split(bytes, 0..<bytes.count).count
        XCTAssertEqual(plain, 3)
        XCTAssertEqual(custom, 1)
    }
}
