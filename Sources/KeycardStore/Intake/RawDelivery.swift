import Foundation

/// The bytes of one delivery exactly as they arrived, with the headers that matter for tracing.
public struct RawDelivery: Sendable, Hashable {
    public var source: String
    public var headers: [String: String]
    public var body: Data
    public var receivedAt: Date

    public init(source: String, headers: [String: String] = [:], body: Data, receivedAt: Date) {
        self.source = source
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }
}
