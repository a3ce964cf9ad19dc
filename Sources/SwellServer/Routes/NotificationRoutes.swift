import Crypto
import Foundation
import Hummingbird
import SwellCore
import SwellEngine
import SwellStore

/// `/v1/notification-channels` and `/v1/deliveries` (admin only): where notifications go, and what became of
/// each. Secrets are accepted on creation and update and never returned; every change is an audited event.
struct NotificationRoutes {
    let environment: ServerEnvironment

    func register(channels: RouterGroup<SwellRequestContext>, deliveries: RouterGroup<SwellRequestContext>) {
        channels.get(use: list)
        channels.post(use: create)
        channels.get("{id}", use: show)
        channels.patch("{id}", use: update)
        channels.delete("{id}", use: delete)
        channels.post("{id}/test", use: test)
        deliveries.get(use: listDeliveries)
    }

    struct ChannelRequest: Decodable {
        var name: String?
        var kind: NotificationChannelKind?
        var settings: NotificationChannelSettings?
        var language: String?
        var enabled: Bool?
    }

    /// GET /v1/notification-channels — every live channel, secrets redacted.
    @Sendable func list(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ItemList<ChannelView>> {
        try context.require(.administer)
        let channels = try await environment.store.notificationChannels(includeDeleted: false)
        return JSONResponse(ItemList(items: channels.map { ChannelView($0.redacted) }))
    }

    /// POST /v1/notification-channels — creates a channel (201). A webhook without a secret gets one generated,
    /// shown in this answer only (`secret`), to verify `Swell-Signature` with.
    @Sendable func create(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ChannelView> {
        let caller = try context.require(.administer)
        let body = try RequestBody.decode(ChannelRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        guard let kind = body.kind else {
            throw Problem.validation([FieldError(
                field: "kind", code: "missing", message: "is required: one of " + NotificationChannelKind.allCases.map(\.rawValue).joined(separator: ", "))])
        }
        var settings = body.settings ?? NotificationChannelSettings()
        var generated: String?
        if kind == .webhook, settings.secret == nil {
            generated = Self.newSecret()
            settings.secret = generated
        }
        let now = environment.now()
        var channel = NotificationChannel(
            name: body.name ?? "", kind: kind, settings: settings, language: body.language ?? "zh", enabled: body.enabled ?? true,
            createdAt: now, createdBy: caller.name)
        let problems = channel.problems()
        guard problems.isEmpty else { throw Problem.validation(problems) }
        let appended: [Event]
        do {
            appended = try await environment.store.apply(
                [.addChannel(channel, event: Self.event(.channelCreated, channel, by: caller.name, at: now))], checkpoint: nil)
        } catch StoreError.channelNameTaken(let name) {
            throw Problem(.conflict, "channel-name-taken", title: "The name is taken", detail: "A channel named \(name) exists.", field: "name")
        }
        channel.id = appended.first.flatMap(StampedId.of).map { ChannelID($0) }
        var view = ChannelView(channel.redacted)
        view.secret = generated
        return JSONResponse(view, status: .created)
    }

    /// GET /v1/notification-channels/{id}
    @Sendable func show(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ChannelView> {
        try context.require(.administer)
        return JSONResponse(ChannelView(try await existing(context).redacted))
    }

    /// PATCH /v1/notification-channels/{id} — changes the name, settings (given fields replace stored ones;
    /// secrets left out are kept), language or enabled flag.
    @Sendable func update(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<ChannelView> {
        let caller = try context.require(.administer)
        var channel = try await existing(context)
        let body = try RequestBody.decode(ChannelRequest.self, from: try await RequestBody.data(of: request, limit: 1 << 16))
        if let kind = body.kind, kind != channel.kind {
            throw Problem.validation([FieldError(field: "kind", code: "immutable", message: "cannot change; create another channel")])
        }
        if let name = body.name { channel.name = name }
        if let language = body.language { channel.language = language }
        if let enabled = body.enabled { channel.enabled = enabled }
        if let given = body.settings { channel.settings = Self.merged(channel.settings, given) }
        channel.updatedAt = environment.now()
        let problems = channel.problems()
        guard problems.isEmpty else { throw Problem.validation(problems) }
        if let others = try? await environment.store.notificationChannels(includeDeleted: false),
            others.contains(where: { $0.name == channel.name && $0.id != channel.id })
        {
            throw Problem(.conflict, "channel-name-taken", title: "The name is taken", detail: "A channel named \(channel.name) exists.", field: "name")
        }
        _ = try await environment.store.apply(
            [.saveChannel(channel), .appendEvent(Self.event(.channelUpdated, channel, by: caller.name, at: channel.updatedAt))], checkpoint: nil)
        return JSONResponse(ChannelView(channel.redacted))
    }

    /// DELETE /v1/notification-channels/{id} — the channel sends nothing more and frees its name (204).
    @Sendable func delete(_ request: Request, context: SwellRequestContext) async throws -> Response {
        let caller = try context.require(.administer)
        var channel = try await existing(context)
        channel.deletedAt = environment.now()
        _ = try await environment.store.apply(
            [.saveChannel(channel), .appendEvent(Self.event(.channelDeleted, channel, by: caller.name, at: channel.deletedAt ?? Date()))],
            checkpoint: nil)
        return Response(status: .noContent)
    }

    struct TestResult: Encodable, Sendable {
        var sent: Bool
        var status: Int?
        var error: String?
    }

    /// POST /v1/notification-channels/{id}/test — sends a test message through the channel now and says what the
    /// peer answered (200 either way; `sent` tells). 503 when this server runs no notifier.
    @Sendable func test(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<TestResult> {
        try context.require(.administer)
        let channel = try await existing(context)
        guard let notifier = environment.notifier else {
            throw Problem(.serviceUnavailable, "notifier-off", title: "Notifications are off", detail: "This server runs no notifier.")
        }
        let outcome = await notifier.sendTest(channel)
        return switch outcome {
        case .sent(let status): JSONResponse(TestResult(sent: true, status: status, error: nil))
        case .failed(let status, let error, _): JSONResponse(TestResult(sent: false, status: status, error: error))
        case .rejected(let error): JSONResponse(TestResult(sent: false, status: nil, error: error))
        }
    }

    /// GET /v1/deliveries[?state=&channel=&limit=&cursor=] — newest first, with their attempts.
    @Sendable func listDeliveries(_ request: Request, context: SwellRequestContext) async throws -> JSONResponse<DeliveryPage> {
        try context.require(.administer)
        let limit = try QueryValues.limit(request, default: 100, max: 1000)
        var state: DeliveryState?
        if let raw = request.uri.queryParameters["state"] {
            guard let parsed = DeliveryState(rawValue: String(raw)) else {
                throw Problem.badParameter("state", "state must be one of " + DeliveryState.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            state = parsed
        }
        var channel: ChannelID?
        if let raw = request.uri.queryParameters["channel"] {
            guard let found = try await environment.store.notificationChannels(includeDeleted: true).first(where: { $0.name == String(raw) || "\($0.id.map { "\($0)" } ?? "")" == String(raw) }) else {
                throw Problem.badParameter("channel", "there is no channel \(raw).")
            }
            channel = found.id
        }
        let before = try QueryValues.integer(request, "cursor").map { DeliveryID($0) }
        let items = try await environment.store.deliveries(state: state, channel: channel, before: before, limit: limit)
        return JSONResponse(DeliveryPage(items: items.map(DeliveryView.init), nextCursor: items.count == limit ? items.last?.id : nil))
    }

    private func existing(_ context: SwellRequestContext) async throws -> NotificationChannel {
        let id = try PathValues.id(context, ChannelID.self, "channel")
        guard let channel = try await environment.store.notificationChannel(id), channel.deletedAt == nil else {
            throw Problem.notFound("There is no notification channel \(id).")
        }
        return channel
    }

    /// Given settings fields replace stored ones; a secret or password left out is kept.
    static func merged(_ stored: NotificationChannelSettings, _ given: NotificationChannelSettings) -> NotificationChannelSettings {
        var settings = given
        if given.secret == nil { settings.secret = stored.secret }
        if given.password == nil { settings.password = stored.password }
        return settings
    }

    /// The audited event of a channel change: its id, name, kind and who; never its URL or secrets.
    static func event(_ type: EventType, _ channel: NotificationChannel, by: String, at: Date) -> EventDraft {
        var fields = ["name": channel.name, "kind": channel.kind.rawValue, "by": by, "enabled": channel.enabled ? "true" : "false"]
        if let id = channel.id { fields["channelId"] = "\(id)" }
        return EventDraft(type: type, at: at, payload: EventDraft.payload(fields))
    }

    static func newSecret() -> String {
        "whsec_" + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "=", with: "")
    }
}

/// A channel as the API shows it; `secret` only in the answer that generated it.
struct ChannelView: Encodable, Sendable {
    var id: ChannelID?
    var name: String
    var kind: NotificationChannelKind
    var settings: NotificationChannelSettings
    var language: String
    var enabled: Bool
    var createdAt: String
    var createdBy: String
    var updatedAt: String
    var secret: String?

    init(_ channel: NotificationChannel) {
        id = channel.id
        name = channel.name
        kind = channel.kind
        settings = channel.settings
        language = channel.language
        enabled = channel.enabled
        createdAt = RFC3339.format(channel.createdAt)
        createdBy = channel.createdBy
        updatedAt = RFC3339.format(channel.updatedAt)
    }
}

struct DeliveryView: Encodable, Sendable {
    var id: DeliveryID?
    var eventSeq: Int64
    var eventType: String
    var channelId: ChannelID
    var channel: String
    var state: DeliveryState
    var attempts: Int
    var createdAt: String
    var nextAttemptAt: String?
    var lastAttemptAt: String?
    var lastStatus: Int?
    var lastError: String?
    var sentAt: String?

    init(_ delivery: Delivery) {
        id = delivery.id
        eventSeq = delivery.eventSeq
        eventType = delivery.eventType.rawValue
        channelId = delivery.channelId
        channel = delivery.channelName
        state = delivery.state
        attempts = delivery.attempts
        createdAt = RFC3339.format(delivery.createdAt)
        nextAttemptAt = delivery.nextAttemptAt.map(RFC3339.format)
        lastAttemptAt = delivery.lastAttemptAt.map(RFC3339.format)
        lastStatus = delivery.lastStatus
        lastError = delivery.lastError
        sentAt = delivery.sentAt.map(RFC3339.format)
    }
}

struct DeliveryPage: Encodable, Sendable {
    var items: [DeliveryView]
    var nextCursor: DeliveryID?
}
