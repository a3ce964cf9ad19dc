import Foundation

/// The independent SMTP server for the real-peer tests: `smtp_peer.py` (Python's aiosmtpd) run from the
/// test venv `.build/e2e-venv` (made by `scripts/setup`) on a free port of 127.0.0.1, writing each message
/// it receives, decoded by Python's `email` package, as JSON.
final class SMTPPeer {
    struct Options {
        var startTLS = false
        var implicitTLS = false
        var auth: (user: String, password: String)?
        /// Mechanisms not to offer, e.g. `["PLAIN"]` to force AUTH LOGIN.
        var excludedMechanisms: [String] = []
        /// Recipient → the reply to its RCPT TO, e.g. `"550 5.1.1 no such user"`.
        var rejections: [String: String] = [:]
    }

    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    /// Whether the peer can run here: the venv's Python with aiosmtpd, and openssl for certificates.
    /// Under CI (`CI` set) the tests run regardless, so a missing peer fails loudly instead of skipping.
    static let canRun: Bool = ProcessInfo.processInfo.environment["CI"] != nil || (pythonWorks && TestCertificate.opensslFound)

    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let python = ProcessInfo.processInfo.environment["SWELL_E2E_PYTHON"].map(URL.init(fileURLWithPath:))
        ?? repositoryRoot.appendingPathComponent(".build/e2e-venv/bin/python")
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_peer.py")

    private static let pythonWorks: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        return (try? TestProcess.run(python, ["-c", "import aiosmtpd"])) == 0
    }()

    private init(port: Int, directory: URL, process: Process, input: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.input = input
    }

    /// Starts a peer and waits until it listens: well under a second alone, but allow 30 s for a machine busy
    /// with the whole test suite (seen: over 10 s on two cores).
    static func start(_ options: Options = .init()) async throws -> SMTPPeer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swell-smtp-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = [script.path, "--dir", directory.path, "--lifetime", "60"]
        if options.startTLS || options.implicitTLS {
            let certificate = try TestCertificate.shared()
            arguments += ["--cert", certificate.certificatePath, "--key", certificate.keyPath]
            arguments.append(options.startTLS ? "--starttls" : "--implicit-tls")
        }
        if let auth = options.auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
        for mechanism in options.excludedMechanisms { arguments += ["--exclude-mechanism", mechanism] }
        for (address, reply) in options.rejections { arguments += ["--reject", "\(address)=\(reply)"] }

        let log = directory.appendingPathComponent("peer.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw PeerError.didNotStart(log: "cannot create \(log.path)") }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let input = Pipe()
        process.standardInput = input
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()

        let ready = directory.appendingPathComponent("ready.json")
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let data = try? Data(contentsOf: ready),
                let port = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["port"] as? Int
            {
                return SMTPPeer(port: port, directory: directory, process: process, input: input)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        process.terminate()
        throw PeerError.didNotStart(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Every message received so far, oldest first.
    func messages() throws -> [ReceivedMail] {
        let folder = directory.appendingPathComponent("messages")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.pathExtension == "json" }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try files.map { try decoder.decode(ReceivedMail.self, from: Data(contentsOf: $0)) }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    enum PeerError: Error, CustomStringConvertible {
        case didNotStart(log: String)
        var description: String {
            switch self {
            case .didNotStart(let log): "the aiosmtpd peer did not start:\n\(log)"
            }
        }
    }
}

/// Runs a peer for the length of `body` and stops it afterwards, whatever happens.
func withSMTPPeer<T>(_ options: SMTPPeer.Options = .init(), _ body: (SMTPPeer) async throws -> T) async throws -> T {
    let peer = try await SMTPPeer.start(options)
    defer { peer.stop() }
    return try await body(peer)
}

/// One message as the peer received and decoded it.
struct ReceivedMail: Decodable {
    let mailFrom: String
    let mailOptions: [String]
    let rcptTos: [String]
    let subject: String
    let from: String
    let to: String
    let headers: [String: String]
    let contentType: String
    let text: String?
    let html: String?
    let defects: [String]
    let tls: Bool
    let authLogin: String?
    let authMechanism: String?
    let raw: String
}
