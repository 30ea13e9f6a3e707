import KeycardCore

extension SystemCapabilities {
    /// AWS IAM Identity Center permission sets, assigned to the Okta-federated user.
    public static let aws = SystemCapabilities(
        system: "aws", displayName: "AWS IAM Identity Center",
        actions: [
            ActionCapability(
                name: "assign_permission_set", kind: .role, requiredParameters: ["permission_set"],
                compensation: "remove_permission_set", requires: ["okta:create_user"]),
            ActionCapability(
                name: "remove_permission_set", kind: .revocation, requiredParameters: ["permission_set"],
                compensation: "assign_permission_set"),
        ])
}
