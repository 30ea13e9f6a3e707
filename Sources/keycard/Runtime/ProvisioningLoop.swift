import Foundation
import KeycardEngine
import Logging

/// Plans runs for newly stored HR changes at a steady pace until cancelled, for long-running commands.
enum ProvisioningLoop {
    static func run(_ provisioner: LifecycleProvisioner, every seconds: Double, logger: Logger = Logger(label: "keycard.provisioning")) async {
        while !Task.isCancelled {
            do {
                let report = try await provisioner.provisionPending()
                if !report.submitted.isEmpty {
                    logger.info("runs submitted", metadata: ["count": "\(report.submitted.count)"])
                }
            } catch {
                logger.error("provisioning pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(max(0.05, min(seconds, 1))))
        }
    }
}
