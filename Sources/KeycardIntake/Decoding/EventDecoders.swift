/// The decoder of each intake source.
public enum EventDecoders {
    public static func decoder(for source: IntakeSource) -> any EventDecoder {
        switch source {
        case .canonical: return CanonicalEventDecoder()
        case .bamboohr: return BambooHREventDecoder()
        case .hibob: return HiBobEventDecoder()
        case .merge: return MergeEventDecoder()
        case .rippling: return RipplingEventDecoder()
        case .workday: return WorkdayEventDecoder()
        }
    }
}
