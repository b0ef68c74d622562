# Uraia: English, the dashboard's records (issue 11). Every key here must also be in sw/records.ftl.

records-licences-heading = My driving licences
records-licence-label = Driving licence
records-licence-holder = Holder's ID number
records-licence-classes = Classes
records-licence-expires = Expires
records-licence-offences = Unpaid traffic offences
records-status-valid = Valid
records-status-expiring = Expires soon
records-status-expired = Expired
records-licence-expiring = Your licence expires on { $date }. Renew it before then to keep driving.
records-licence-expired = Your licence expired on { $date }. You must not drive until you renew it.
records-renew-link = Renew your driving licence
records-licences-none = No driving licence is recorded under ID number { $id }. If you had an account on NTSA's old TIMS portal, link it to bring your licence over.

records-vehicles-heading = My vehicles
records-vehicle-plate = Number plate
records-vehicle-vehicle = Vehicle
records-vehicle-year = Year
records-vehicle-owner = Registered to
records-vehicle-owner-you = You
records-vehicle-inspection = Inspection
records-inspection-none = Not required (private vehicle)
records-inspection-due = Due { $date }
records-inspection-soon = Due soon: { $date }
records-inspection-overdue = Overdue since { $date }
records-vehicles-none = No vehicle is registered to you or to an organisation you act for. Vehicles on NTSA's old TIMS portal appear here once you link that account.
