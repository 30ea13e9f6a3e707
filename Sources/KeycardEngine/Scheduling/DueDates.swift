import Foundation
import KeycardCore

/// When each step of a plan falls due, in the worker's time zone: joiners' lead times, leavers' cut-off, movers at once.
public struct DueDates: Sendable {
    public let settings: ScheduleSettings

    public init(settings: ScheduleSettings) {
        self.settings = settings
    }

    /// The plan with every step's `dueAt` set (nil = as soon as possible). Overdue steps simply run at once.
    public func apply(to plan: RunPlan) -> RunPlan {
        var plan = plan
        switch plan.kind {
        case .joiner:
            guard let start = startInstant(of: plan.employee) else { return plan }
            let calendar = calendar(for: plan.employee)
            for index in plan.steps.indices {
                guard let days = settings.leadBusinessDays[plan.steps[index].kind.rawValue] else { continue }
                plan.steps[index].dueAt = Self.subtractBusinessDays(days, from: start, calendar: calendar)
            }
        case .leaver:
            let cutOff = terminationInstant(of: plan.employee)
            for index in plan.steps.indices { plan.steps[index].dueAt = cutOff }
        case .mover:
            break
        }
        return plan
    }

    /// The worker's zone from their `location`, or the default zone.
    public func timeZone(for employee: Employee) -> TimeZone {
        let name = employee.string(CanonicalAttribute.location).flatMap { settings.locationTimeZones[$0] }
            ?? settings.defaultTimeZone
        return TimeZone(identifier: name) ?? TimeZone(identifier: "UTC")!
    }

    /// The first working hour of the start date, in the worker's zone.
    public func startInstant(of employee: Employee) -> Date? {
        guard let text = employee.string(CanonicalAttribute.startDate) else { return nil }
        return localInstant(text, hour: settings.workdayStartHour, employee: employee)
    }

    /// When a leaver's access ends: now if `immediate`, the given instant, or the termination date's cut-off hour locally.
    public func terminationInstant(of employee: Employee) -> Date? {
        if case .bool(true)? = employee[attribute: CanonicalAttribute.immediate] { return nil }
        if employee.string(CanonicalAttribute.immediate)?.lowercased() == "true" { return nil }
        guard let text = employee.string(CanonicalAttribute.terminationDate) else { return nil }
        return localInstant(text, hour: settings.terminationHour, employee: employee)
    }

    private func localInstant(_ text: String, hour: Int, employee: Employee) -> Date? {
        if text.count > 10, let instant = Timestamps.parseInstant(text) { return instant }
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar(for: employee).date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: hour))
    }

    private func calendar(for employee: Employee) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone(for: employee)
        return calendar
    }

    /// Steps back over Saturdays and Sundays: one business day before a Monday is the Friday.
    static func subtractBusinessDays(_ days: Int, from date: Date, calendar: Calendar) -> Date {
        var result = date
        var remaining = days
        while remaining > 0 {
            result = calendar.date(byAdding: .day, value: -1, to: result) ?? result
            if !calendar.isDateInWeekend(result) { remaining -= 1 }
        }
        return result
    }
}
