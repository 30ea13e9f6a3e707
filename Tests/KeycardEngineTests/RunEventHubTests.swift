import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Run events")
struct RunEventHubTests {
    @Test("the hub remembers each run's last published state, a reopened run included, and fans events out in order")
    func remembersLastState() async {
        let hub = RunEventHub()
        let stream = hub.subscribe()
        #expect(hub.lastState(of: "run-1") == nil)
        hub.publish([.runCreated("run-1", .scheduled), .stepChanged(StepID(run: "run-1", index: 0), .running)])
        hub.publish([.runChanged("run-1", .running), .runChanged("run-2", .running)])
        hub.publish([.runChanged("run-1", .succeeded)])
        #expect(hub.lastState(of: "run-1") == .succeeded)
        hub.publish([.runChanged("run-1", .running)])
        #expect(hub.lastState(of: "run-1") == .running)
        #expect(hub.lastState(of: "run-2") == .running)
        hub.finish()
        var received: [RunEvent] = []
        for await event in stream { received.append(event) }
        #expect(received.count == 6)
        #expect(received.first == RunEvent.runCreated("run-1", .scheduled))
        #expect(received.last == RunEvent.runChanged("run-1", .running))
    }
}
