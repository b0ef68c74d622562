# Uraia: English, the PSV road service licence (issue 28). Every key here must also be in sw/psv.ftl.

psv-vehicle-title = Which vehicle do you want to license?
psv-intro = A road service licence lets a matatu or bus carry paying passengers on one route for a year. It is issued to the SACCO or company that owns the vehicle. The vehicle needs a valid inspection, and the fee depends on its seats.
psv-field-vehicle = Vehicle
psv-no-vehicles = Your account does not act for a SACCO or company that owns vehicles. A SACCO's director adds its authorised people on the organisation's page.
psv-seats = { $seats } seats
psv-seats-unknown = Seats not on the register
psv-inspection-until = Inspection valid until { $date }
psv-inspection-none = Never inspected
psv-licensed-until = Licensed until { $date }
psv-book-inspection = Book an inspection
psv-route-title = Which route will it work?
psv-field-route = Route
psv-no-routes = No routes are listed yet. Apply at an NTSA office.
psv-period-title = When should the licence start?
psv-field-starts = First day of the licence
psv-field-starts-hint = The licence lasts { $years } year from this day. Choose today or a day up to { $days } days ahead, for example 1 3 2027
psv-period = { $from } to { $to }
psv-check-hint = An officer checks the vehicle and the route. Once your application is approved, the licence is on the vehicle's record and its slip is on this page.
psv-result-heading = The road service licence
psv-fact-operator = Operator
psv-fact-route = Route
psv-fact-seats = Seats
psv-fact-starts = First day

psv-error-vehicle = Select one of your organisation's vehicles
psv-error-not-passenger = { $plate } is not a public service vehicle: the register does not give it 6 seats or more. Apply at an NTSA office to register it as a PSV
psv-error-office-band = { $plate } has { $seats } seats. There is no published fee for vehicles of 15 to 26 seats: apply for its licence at an NTSA office
psv-error-not-inspected = { $plate } has never been inspected. A PSV needs a valid inspection: book one, then apply again
psv-error-inspection-lapsed = The inspection of { $plate } ran out on { $date }. A PSV needs a valid inspection: book one, then apply again
psv-error-route = Select the route the vehicle will work
psv-error-start-missing = Enter the first day of the licence
psv-error-start-invalid = Enter a real date, like 1 3 2027
psv-error-start-past = The first day cannot be in the past. Enter today or a later day
psv-error-start-ahead = The first day must be within { $days } days from today
psv-error-start-licensed = The vehicle is licensed until { $date }. Choose a first day after that
psv-error-start-inspection = The vehicle's inspection runs out on { $date }, before that day. Book an inspection, or choose an earlier day
