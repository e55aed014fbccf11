import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Answers every request of the preview: files of the last good build, HTML with the live-reload
/// script (and the diagnostics of a failed build) added, and the stream of reload events.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let root: String
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text("Only GET and HEAD are served.\n", status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == LiveReload.eventsPath { return events() }
        let status = state.status
        switch SafePath.resolve(path, in: root) {
        case .badRequest:
            return Self.text("Bad request path.\n", status: .badRequest)
        case .redirect(let location):
            return Self.respond(status: .movedPermanently, type: "text/plain; charset=utf-8", body: [], headers: [.location: location])
        case .notFound:
            let page = LiveReload.page(title: status.generation == 0 ? "Bygget pågår" : "Sidan finns inte: \(path)", status: status)
            return Self.respond(status: .notFound, type: ContentTypes.forPath("x.html"), body: Array(page.utf8))
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else {
                return Self.text("Not found.\n", status: .notFound)
            }
            let type = ContentTypes.forPath(file)
            var bytes = Array(data)
            if file.hasSuffix(".html") {
                bytes = Array(LiveReload.inject(into: String(decoding: bytes, as: UTF8.self), status: status).utf8)
            }
            return Self.respond(status: .ok, type: type, body: request.method == .head ? nil : bytes, length: bytes.count)
        }
    }

    /// Server-sent events: the current generation at once, then one event per finished build. The
    /// stream ends when the tab closes or the server shuts down (Ctrl-C), so it never holds a shutdown up.
    func events() -> Response {
        let (stream, end) = state.hub.subscribe()
        let current = state.status.generation
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n" + ReloadHub.reload(generation: current)))
            try await withGracefulShutdownHandler {
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event))
                }
            } onGracefulShutdown: {
                end()
            }
            try await writer.finish(nil)
        }
        var headers = Self.commonHeaders(type: "text/event-stream; charset=utf-8")
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }

    static func commonHeaders(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.xContentTypeOptions] = "nosniff"
        // A preview must never show a cached page from before the last save.
        headers[.cacheControl] = "no-store"
        return headers
    }

    static func text(_ message: String, status: HTTPResponse.Status, headers extra: HTTPFields = [:]) -> Response {
        respond(status: status, type: "text/plain; charset=utf-8", body: Array(message.utf8), headers: extra)
    }

    static func respond(status: HTTPResponse.Status, type: String, body: [UInt8]?, length: Int? = nil, headers extra: HTTPFields = [:]) -> Response {
        var headers = commonHeaders(type: type)
        headers.append(contentsOf: extra)
        headers[.contentLength] = String(length ?? body?.count ?? 0)
        return Response(status: status, headers: headers, body: body.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody())
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
