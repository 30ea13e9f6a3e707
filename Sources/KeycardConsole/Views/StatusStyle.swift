import KeycardCore

/// The role and glyph of each state, so a state looks the same in every view (colour and, without colour, glyph).
public enum StatusStyle {
    public static func role(_ state: StepState) -> StyleRole {
        switch state {
        case .succeeded: return .statusSucceeded
        case .failed: return .statusFailed
        case .running, .compensating: return .statusRunning
        case .pending, .ready: return .statusPending
        case .awaitingApproval: return .statusAwaiting
        case .skipped, .compensated: return .statusSkipped
        }
    }

    public static func glyph(_ state: StepState, _ glyphs: GlyphSet) -> String {
        switch state {
        case .succeeded: return glyphs.succeeded
        case .failed: return glyphs.failed
        case .running, .compensating: return glyphs.running
        case .pending, .ready: return glyphs.pending
        case .awaitingApproval: return glyphs.awaiting
        case .skipped: return glyphs.skipped
        case .compensated: return glyphs.compensated
        }
    }

    public static func label(_ state: StepState) -> String {
        state == .awaitingApproval ? "awaiting" : state.rawValue
    }

    /// Short run-state words for narrow columns and `state:` filters.
    public static func label(_ state: RunState) -> String {
        switch state {
        case .awaitingApproval: return "awaiting"
        case .completedWithFailures: return "partial"
        case .rollingBack: return "rolling-back"
        case .rolledBack: return "rolled-back"
        default: return state.rawValue
        }
    }

    public static func role(_ state: RunState) -> StyleRole {
        switch state {
        case .succeeded: return .statusSucceeded
        case .failed, .completedWithFailures: return .statusFailed
        case .running, .rollingBack: return .statusRunning
        case .scheduled, .planned: return .statusPending
        case .awaitingApproval: return .statusAwaiting
        case .rolledBack, .cancelled: return .statusSkipped
        }
    }

    public static func glyph(_ state: RunState, _ glyphs: GlyphSet) -> String {
        switch state {
        case .succeeded: return glyphs.succeeded
        case .failed, .completedWithFailures: return glyphs.failed
        case .running, .rollingBack: return glyphs.running
        case .scheduled, .planned: return glyphs.pending
        case .awaitingApproval: return glyphs.awaiting
        case .rolledBack: return glyphs.compensated
        case .cancelled: return glyphs.skipped
        }
    }

    public static func role(_ health: SystemHealth) -> StyleRole {
        switch health {
        case .healthy: return .statusSucceeded
        case .degraded: return .statusAwaiting
        case .down: return .statusFailed
        case .paused: return .statusSkipped
        }
    }

    public static func glyph(_ health: SystemHealth, _ glyphs: GlyphSet) -> String {
        switch health {
        case .healthy: return glyphs.succeeded
        case .degraded: return glyphs.warning
        case .down: return glyphs.failed
        case .paused: return glyphs.awaiting
        }
    }

    public static func role(_ status: EventStatus) -> StyleRole {
        switch status {
        case .accepted, .replayed: return .statusSucceeded
        case .duplicate, .discarded: return .statusSkipped
        case .deadLetter: return .statusFailed
        }
    }

    public static func glyph(_ status: EventStatus, _ glyphs: GlyphSet) -> String {
        switch status {
        case .accepted, .replayed: return glyphs.succeeded
        case .duplicate, .discarded: return glyphs.skipped
        case .deadLetter: return glyphs.failed
        }
    }

    /// `✓ succeeded` as one styled cell.
    public static func cell(_ glyph: String, _ label: String, _ role: StyleRole) -> TableCell {
        .text([Span(glyph + " " + label, role)])
    }
}
