import Foundation

extension Duration {
    /// The duration in seconds, as Foundation counts time (`Date`, `DispatchTime`, `TimeInterval` settings).
    public var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
