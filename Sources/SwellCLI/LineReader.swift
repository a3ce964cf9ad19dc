import Foundation

/// Reads a file line by line in 1 MiB chunks, so a file of any size streams in constant memory.
/// Lines end at `\n` (a trailing `\r` is dropped). Reports how many bytes have been consumed, for progress.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private(set) var bytesConsumed: Int64 = 0
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.cannotOpen(path)
        }
        self.handle = handle
    }

    /// The next line without its terminator, or nil at the end of the file.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                bytesConsumed += Int64(line.count + 1)
                buffer = buffer[(newline + 1)...]
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                bytesConsumed += Int64(line.count)
                buffer = Data()
                lineNumber += 1
                return line.last == 0x0D ? Data(line.dropLast()) : Data(line)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer = Data(buffer) + chunk }
        }
    }

    func close() { try? handle.close() }
}

enum ImportError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case missingColumns([String])
    case unknownFormat(String)

    var description: String {
        switch self {
        case .cannotOpen(let path): "cannot open \(path)"
        case .missingColumns(let names): "the CSV header lacks the column(s) \(names.joined(separator: ", "))"
        case .unknownFormat(let name): "unknown format \(name); use ndjson or csv"
        }
    }
}
