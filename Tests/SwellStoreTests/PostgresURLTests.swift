import SwellStore
import Testing

@Suite struct PostgresURLTests {
    @Test func readsTCPURLs() throws {
        let url = try PostgresURL("postgresql://swell:p%40ss@db.internal:6543/cases?sslmode=require")
        #expect(url.endpoint == .tcp(host: "db.internal", port: 6543))
        #expect(url.username == "swell")
        #expect(url.password == "p@ss")
        #expect(url.database == "cases")
        #expect(url.tls == .require)
        #expect(!url.description.contains("p@ss"))

        let short = try PostgresURL("postgres://127.0.0.1")
        #expect(short.endpoint == .tcp(host: "127.0.0.1", port: 5432))
        #expect(short.username == "postgres")
        #expect(short.database == "postgres")
        #expect(short.tls == .prefer)
    }

    @Test func readsUnixSockets() throws {
        let folder = try PostgresURL("postgres://swell@/swell?host=/var/run/postgresql")
        #expect(folder.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(folder.tls == .disable)
        let file = try PostgresURL("postgres:///swell?host=/tmp/pg/.s.PGSQL.6000&user=app")
        #expect(file.endpoint == .unixSocket(path: "/tmp/pg/.s.PGSQL.6000"))
        #expect(file.username == "app")
        #expect(file.database == "swell")
        let port = try PostgresURL("postgres://swell@/swell?host=/tmp/pg&port=6001")
        #expect(port.endpoint == .unixSocket(path: "/tmp/pg/.s.PGSQL.6001"))
    }

    @Test(arguments: [
        "mysql://localhost/swell", "postgres:///swell", "not a url", "postgres://h/a/b",
        "postgres://h/swell?sslmode=sometimes", "postgres://h:99999/swell", "postgres://h/swell?port=http",
    ])
    func refusesBadURLs(_ text: String) {
        #expect(throws: StoreError.self) { try PostgresURL(text) }
    }

    @Test func badURLErrorsDoNotShowThePassword() {
        #expect {
            try PostgresURL("postgres://swell:hunter2@h/swell?sslmode=sometimes")
        } throws: { error in
            !"\(error)".contains("hunter2")
        }
    }
}

/// Needs no server: nothing listens on port 1.
@Suite struct PostgresUnreachableTests {
    @Test func anUnreachableServerFailsTheStartInsteadOfHanging() async throws {
        let store = try PostgresCaseStore(url: "postgres://127.0.0.1:1/swell?sslmode=disable", logger: testLogger)
        await withDiscardingTaskGroup { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            await #expect(throws: StoreError.self) { try await store.migrate(timeout: .milliseconds(300)) }
        }
    }
}
