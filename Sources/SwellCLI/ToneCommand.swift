import ArgumentParser
import Foundation
import SwellCore
import SwellDetection

/// `swell tone [FILE]`: reads the tone of texts, as Swell reads mentions on arrival. Input is NDJSON, one object
/// per line with `text` (and optionally `title`); output is one line per input line, in order:
/// `{"tone":"negative","score":-0.447}`, or `{"error":"…"}` for a line that holds no text (the exit status is
/// then 1). Used by the tone accuracy benchmark; handy for checking a lexicon change by hand.
struct ToneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tone", abstract: "Read the tone (negative, neutral, positive) of NDJSON texts; one answer per line.")

    @Argument(help: "NDJSON file of {\"text\": …} objects (default: standard input).") var file: String?

    struct Input: Decodable {
        var text: String?
        var title: String?
    }

    struct Answer: Encodable {
        var tone: MediaTone?
        var score: Double?
        var error: String?
    }

    func run() async throws {
        var reader = try LineReader(path: file ?? "/dev/stdin")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var output = Data()
        var failures = 0
        while let line = try reader.next() {
            let answer: Answer
            if let input = try? JSONDecoder().decode(Input.self, from: line),
                let text = [input.title, input.text].compactMap({ $0 }).joined(separator: "\n").nilIfBlank
            {
                let reading = ToneReader.read(text)
                answer = Answer(tone: reading.tone, score: reading.score)
            } else {
                failures += 1
                answer = Answer(error: "line \(reader.lineNumber): not a JSON object with a text")
            }
            output.append(try encoder.encode(answer))
            output.append(0x0A)
            if output.count > 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
        if failures > 0 { throw ExitCode(1) }
    }
}

extension String {
    /// Nil when the string is empty or only white space.
    fileprivate var nilIfBlank: String? { trimmingWhiteSpace().isEmpty ? nil : self }
}
