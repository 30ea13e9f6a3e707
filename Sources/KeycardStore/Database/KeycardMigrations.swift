import GRDB

/// Every schema migration, in order; each layer registers its own, and they never change once released.
public enum KeycardMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        IntakeMigrations.register(in: &migrator)
        EngineMigrations.register(in: &migrator)
        AuditMigrations.register(in: &migrator)
        ProvisioningMigrations.register(in: &migrator)
        EngineHotPathMigrations.register(in: &migrator)
        StepPlanMigrations.register(in: &migrator)
        CompactPlanMigrations.register(in: &migrator)
        SharedPlanMigrations.register(in: &migrator)
        return migrator
    }

    public static var identifiers: [String] { migrator.migrations }
}
