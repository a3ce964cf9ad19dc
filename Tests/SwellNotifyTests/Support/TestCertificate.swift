import Foundation

/// A self-signed certificate for `localhost` and 127.0.0.1 made with openssl once per test run; it is
/// both the server's certificate and the CA file the client is told to trust.
struct TestCertificate: Sendable {
    let certificatePath: String
    let keyPath: String

    static let opensslFound = openssl != nil
    private static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    private static let made: Result<TestCertificate, any Error> = Result {
        guard let openssl else { throw CertificateError.noOpenSSL }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swell-smtp-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let status = try TestProcess.run(URL(fileURLWithPath: openssl), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-addext", "basicConstraints=critical,CA:TRUE", "-keyout", key, "-out", certificate,
        ])
        guard status == 0 else { throw CertificateError.opensslFailed(status) }
        return TestCertificate(certificatePath: certificate, keyPath: key)
    }

    static func shared() throws -> TestCertificate { try made.get() }

    enum CertificateError: Error {
        case noOpenSSL
        case opensslFailed(Int32)
    }
}

/// Runs a short command to completion, output discarded, and returns its exit status.
enum TestProcess {
    static func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
