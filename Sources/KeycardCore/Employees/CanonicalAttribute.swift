/// Names of the canonical employee attributes of a lifecycle event's `data` object.
public enum CanonicalAttribute {
    public static let employeeID = "employee_id"
    public static let email = "email"
    public static let firstName = "first_name"
    public static let lastName = "last_name"
    public static let jobTitle = "job_title"
    public static let department = "department"
    public static let team = "team"
    public static let employmentType = "employment_type"
    public static let startDate = "start_date"
    public static let managerEmail = "manager_email"
    public static let location = "location"
    public static let workArrangement = "work_arrangement"
    public static let terminationDate = "termination_date"
    public static let immediate = "immediate"

    /// Every canonical attribute, for lint and validation.
    public static let all: [String] = [
        employeeID, email, firstName, lastName, jobTitle, department, team, employmentType,
        startDate, managerEmail, location, workArrangement, terminationDate, immediate,
    ]

    /// The attributes a hire must carry.
    public static let requiredForHire: [String] = [
        employeeID, email, firstName, lastName, jobTitle, department, employmentType, startDate,
    ]
}
