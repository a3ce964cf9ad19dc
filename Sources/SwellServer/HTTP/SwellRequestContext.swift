import Hummingbird
import SwellCore
import SwellEngine

/// The request context of every Swell route: Hummingbird's core plus the authenticated caller.
public struct SwellRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` when the request carries a valid bearer token.
    public var caller: Caller?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
    }

    /// The largest body any route accepts (a full batch); routes apply tighter limits of their own.
    static let uploadLimit = 64 << 20
    public var maxUploadSize: Int { Self.uploadLimit }

    /// The caller, if they may do `action`; otherwise a 401 (no caller) or 403 (role not allowed) problem.
    @discardableResult
    func require(_ action: Action) throws -> Caller {
        guard let caller else { throw Problem.unauthenticated }
        guard caller.role.may(action) else { throw Problem.forbidden(caller.role, action) }
        return caller
    }
}
