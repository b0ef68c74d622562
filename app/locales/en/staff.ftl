## Staff pages: the queue, an application to decide, the audit log.

staff-nav-label = Staff pages
staff-signed-in-as = Signed in as { $name }, { $role }
staff-role-officer = officer
staff-role-supervisor = supervisor
staff-role-support = support agent
staff-role-administrator = administrator
staff-role-analyst = analyst

staff-queue-title = Applications to decide
staff-queue-caption = Applications, oldest first
staff-queue-total = { $count ->
    [one] 1 application
   *[other] { $count } applications
}
staff-queue-empty = No applications match these filters.
staff-column-reference = Reference
staff-column-service = Service
staff-column-since = Waiting since
staff-column-held = Being decided by
staff-filter-service = Service
staff-filter-all = All services
staff-column-centre = Centre
staff-filter-centre = Centre
staff-filter-all-centres = All centres
staff-filter-status = Status
staff-filter-age = Waiting
staff-filter-apply = Show
staff-age-any = Any time
staff-age-days = { $days ->
    [one] More than 1 day
   *[other] More than { $days } days
}
staff-page-previous = Previous page
staff-page-next = Next page

staff-application-title = Application { $reference }
staff-applicant = Applicant
staff-answers-heading = What the applicant told us
staff-payments-heading = Payments
staff-payments-none = Nothing has been paid.
staff-files-heading = Files
staff-files-none = There are no files.
staff-file-photo = Applicant's passport photo (download)
staff-file-logbook = Logbook (download)
staff-waiting-other-party = This application waits for the other party (the buyer), not for an officer.
staff-own-application = This is your own application: another officer decides it.
staff-held-by = { $name } is deciding this application until { $until }.
staff-held-by-you = You are deciding this application until { $until }. Nobody else can decide it until then.
staff-claim = Decide this application
staff-claim-hint = It is held for you for 30 minutes: other officers see that you are deciding it.
staff-approve = Approve
staff-reject = Reject
staff-reject-reason = Why is it rejected?
staff-reject-note = What the applicant should know (optional, at most 500 characters; required for "another reason")
staff-notice-claimed = You are deciding this application for the next 30 minutes.
staff-notice-approved = Approved. The applicant has been told by SMS and email.
staff-notice-rejected = Rejected. The applicant has been told by SMS and email, with the reason.
staff-error-held = Another officer is deciding this application.
staff-error-decided = This application has already been decided.
staff-error-own = You cannot decide your own application.
staff-error-reason = Choose why the application is rejected
staff-error-note = Say what the other reason is
staff-error-not-claimed = Your 30 minutes to decide this application ran out. Open it to decide again.

applications-reason-documents = The documents do not prove what the application says.
applications-reason-particulars = The particulars do not match the register.
applications-reason-duplicate = Another application for the same thing was decided first.
applications-reason-other = Another reason.

staff-audit-title = Audit log
staff-audit-caption = Staff actions, newest first
staff-audit-at = When
staff-audit-actor = Who (email address)
staff-audit-action = Action
staff-audit-subject = On what
staff-audit-client = From where
staff-audit-before = Before
staff-audit-after = After
staff-audit-from = From (day)
staff-audit-to = To (day)
staff-audit-date-hint = For example, 2026-12-05
staff-audit-export = Download these rows as CSV

message-decision-approved-subject = Application approved: { $reference }
message-decision-approved-body = Uraia: NTSA approved your application { $reference }. Your documents are on the application's page.
message-decision-rejected-subject = Application rejected: { $reference }
message-decision-rejected-body = Uraia: NTSA rejected your application { $reference }. Reason: { $reason } The application's page says what you can do next.

staff-shown-in_review = In review
staff-shown-asked = Waiting for the applicant's answer
staff-shown-completed = Approved
staff-shown-rejected = Rejected
staff-ask-label = Ask the applicant a question
staff-ask-hint = They are told by SMS and email and answer on their application's page; it comes back to the queue at its place.
staff-ask = Ask the applicant
staff-notice-asked = Your question was sent. The application waits for the applicant's answer.

message-question-subject = A question about your application { $reference }
message-question-body = Uraia: NTSA asks about your application { $reference }: { $reason } Answer on the application's page.

staff-people-title = Staff and their roles
staff-people-caption = Everyone with a staff role
staff-people-email = Email address
staff-people-email-hint = The address of their own Uraia account, which they have proven
staff-people-role = Role
staff-people-centre = Centre
staff-people-centre-hint = An officer's centre, for example IC-MRU (optional)
staff-people-services = Services
staff-people-services-hint = An officer's services, as codes separated by commas, for example registration; empty for all
staff-people-give = Give or change a role
staff-people-submit = Save the role
staff-notice-granted = The role was saved. It takes effect at their next sign-in.
staff-error-role = Choose a role
staff-error-services = Name only services Uraia offers, for example registration or dl-renewal
staff-error-no-account = No account has proven this email address. The person registers and verifies it first.
staff-error-other-party = This application waits for the other party (the buyer), not for an officer.
staff-error-not-approvable = An officer cannot approve this service: it is completed by the other party. Reject it with a reason, or ask the applicant a question.

## Documents and the payment history on an application's staff page (issue 27).
staff-history-heading = Payment history
staff-documents-heading = Documents issued
staff-documents-none = No document has been issued for this application.
staff-document-issued = Code { $code }, issued { $date }
staff-withdraw-label = Why withdraw the { $document }?
staff-withdraw-hint = The holder is told this reason. Anyone checking the document is told only that it was withdrawn, and when.
staff-withdraw = Withdraw the { $document }
staff-notice-withdrawn = Withdrawn. Its check now says so, and the holder has been told why by SMS and email.
staff-error-withdraw-reason = Write why the document is withdrawn
staff-error-withdrawn = This document has already been withdrawn.
message-document-withdrawn-subject = A document was withdrawn: { $reference }
message-document-withdrawn-body = Uraia: NTSA withdrew a document issued for application { $reference }. Reason: { $reason }. It is no longer valid.
