import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Randomized mutations")
struct MutationTests {
    /// 850 per source (5,100 in all) keeps the run to seconds; `KEYCARD_MUTANTS=50000` digs deeper by hand.
    static let mutantsPerSource = ProcessInfo.processInfo.environment["KEYCARD_MUTANTS"].flatMap { Int($0) } ?? 850

    /// Valid seeds for every source, plus the bad canonical inputs.
    static func seeds(for source: IntakeSource) throws -> [Data] {
        let folders = source == .canonical ? ["events", "bad"] : ["hris/\(source.rawValue)"]
        return try folders.flatMap { try FixturePaths.files(in: $0) }.map { try Data(contentsOf: $0) }
    }

    /// An event is sound if it validates again once written back in the canonical format.
    static func revalidate(_ event: LifecycleEvent) -> [FieldError] {
        var data: [String: JSONValue] = [:]
        for (name, value) in event.data { data[name] = json(value) }
        let root: JSONValue = .object([
            "event_type": .string(event.type.rawValue), "event_id": .string(event.eventID),
            "timestamp": .string(Timestamps.format(event.timestamp)), "data": .object(data),
        ])
        let bytes = (try? JSONEncoder().encode(root)) ?? Data()
        switch EventValidator().validate(eventJSON: bytes) {
        case .success(let again): return again.employeeID == event.employeeID ? [] : [FieldError(path: "employee_id", reason: "changed")]
        case .failure(let failure): return failure.errors
        }
    }

    static func json(_ value: AttributeValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .double(let number): return .double(number)
        case .list(let values): return .array(values.map(json))
        case .null: return .null
        }
    }

    @Test("mutated payloads never crash a decoder; every item is a sound event or names at least one field error",
          arguments: IntakeSource.allCases)
    func mutations(source: IntakeSource) throws {
        let seeds = try Self.seeds(for: source)
        try #require(!seeds.isEmpty)
        // Seeded by the source's position, not `hashValue`, which changes from process to process.
        var mutator = PayloadMutator(random: SeededRandom(seed: 0x5EED_0000 + UInt64(IntakeSource.allCases.firstIndex(of: source)!)))
        var generator = SeededRandom(seed: 42 + UInt64(IntakeSource.allCases.firstIndex(of: source)!))
        var (events, invalid, problems) = (0, 0, [String]())
        for round in 0..<Self.mutantsPerSource {
            var body = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...3, using: &generator) { body = mutator.mutate(body, source: source) }
            let decoders = [source, IntakeSource.allCases.randomElement(using: &generator)!]
            for decoderSource in decoders {
                for item in EventDecoders.decoder(for: decoderSource).decode(body: body, headers: [:]) {
                    switch item {
                    case .event(let event):
                        events += 1
                        let errors = Self.revalidate(event)
                        if !errors.isEmpty { problems.append("round \(round) \(decoderSource): accepted but \(errors)") }
                    case .invalid(let failure, _):
                        invalid += 1
                        if failure.errors.isEmpty { problems.append("round \(round) \(decoderSource): invalid without errors") }
                        if failure.errors.contains(where: { $0.path.isEmpty || $0.reason.isEmpty }) {
                            problems.append("round \(round) \(decoderSource): blank path or reason \(failure.errors)")
                        }
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(invalid > 0)
        #expect(events > 0, "no mutant survived as a valid event: the mutations may be too destructive to test acceptance")
    }
}
