/// A modal question over the view: a reason prompt, an optional "type the name" check, then a confirm with Cancel focused.
public struct Dialog: Sendable, Hashable {
    /// What the dialog will do when confirmed.
    public enum Purpose: Sendable, Hashable {
        case approve(stepID: String)
        case deny(stepID: String)
        case skip(stepID: String)
        case rollback(runID: String)
        case pause
        case resume
        case retryAllFailed(system: String)
        case discardDeadLetter(eventID: String)
    }

    public enum Stage: Sendable, Hashable {
        case reason, typeName, confirm
    }

    public enum Focus: Sendable, Hashable {
        case cancel, confirm
    }

    public var purpose: Purpose
    public var title: String
    public var lines: [String]
    public var confirmLabel: String
    public var needsReason: Bool
    /// A high-risk action makes the person type this word before the confirm step.
    public var requiredName: String?
    public var stage: Stage
    public var reason: String = ""
    public var typed: String = ""
    public var focus: Focus = .cancel
    public var problem: String?

    public init(purpose: Purpose, title: String, lines: [String], confirmLabel: String, needsReason: Bool, requiredName: String? = nil) {
        self.purpose = purpose
        self.title = title
        self.lines = lines
        self.confirmLabel = confirmLabel
        self.needsReason = needsReason
        self.requiredName = requiredName
        stage = needsReason ? .reason : (requiredName != nil ? .typeName : .confirm)
    }

    /// True while the dialog takes typed text.
    public var isTextEntry: Bool { stage != .confirm }
}
