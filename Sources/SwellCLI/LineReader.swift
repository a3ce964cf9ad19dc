import Foundation

/// Reads a file line by line in 1 MiB chunks, so a file of any size streams in constant memory.
/// Lines end at `\n` (a trailing `\r` is dropped). Reports how many bytes have been consumed, for progress.
struct LineReader {
    private let handle: FileHandle
    /// How the file's bytes are written; lines come out as UTF-8 whatever the file's encoding.
    private let encoding: TextEncoding
    private var buffer = Data()
    private var atEnd = false
    private(set) var bytesConsumed: Int64 = 0
    private(set) var lineNumber = 0

    init(path: String, encoding: TextEncoding = .utf8) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.cannotOpen(path)
        }
        self.handle = handle
        self.encoding = encoding
    }

    /// The next line without its terminator, as UTF-8 (a GB18030 file is transcoded line by line; a line that is
    /// not valid in the file's encoding is handed on as it is, for the caller to reject by its number), or nil at the
    /// end of the file. A UTF-8 byte-order mark at the start of the file is dropped.
    mutating func next() throws -> Data? {
        guard var line = try rawNext() else { return nil }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = Data(line.dropFirst(3)) }
        if encoding == .gb18030, line.contains(where: { $0 >= 0x80 }), let text = String(data: line, encoding: TextEncoding.gb18030Foundation) {
            line = Data(text.utf8)
        }
        return line
    }

    /// The next line's bytes as they are in the file.
    private mutating func rawNext() throws -> Data? {
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

/// How a text file's bytes are written. Chinese Excel saves CSV in GB18030 (GBK); everything else should be UTF-8.
enum TextEncoding: String, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    /// Also takes `utf8`, `gbk` and `gb2312` (GB18030 is a superset of both).
    init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
    static let gb18030Foundation = String.Encoding(rawValue: 0x8000_0632)
}

enum ImportError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case missingColumns([String])
    case unknownFormat(String)
    case unknownEncoding(String)

    var description: String {
        switch self {
        case .cannotOpen(let path): "cannot open \(path)"
        case .missingColumns(let names): "the CSV header lacks the column(s) \(names.joined(separator: ", "))"
        case .unknownFormat(let name): "unknown format \(name); use ndjson or csv"
        case .unknownEncoding(let name): "unknown encoding \(name); use utf-8 or gb18030"
        }
    }
}
