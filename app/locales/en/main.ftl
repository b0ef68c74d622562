# Uraia: English. Every key here must also be in sw/main.ftl (a test checks).

## Frame
service-name = Uraia
service-tagline = NTSA services for motorists
skip-link = Skip to main content
language-switch-label = Language
language-current = Current language:
footer-phishing = Uraia will never ask for your password or M-Pesa PIN by phone, SMS or email. Before you type anything, check that the address bar shows
footer-meta = A public service for Kenyan motorists. It works on any phone, even on a slow connection.
footer-performance = Service performance

## Errors
not-found-title = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-home = Go to the Uraia home page
error-title = Sorry, there is a problem with the service
error-internal = Something went wrong on our side. If you contact us, quote reference { $reference }.
error-network = We could not reach the service. Check your connection and try again.
error-unavailable = The service is not available for a moment.
error-try-later = Try again in a few minutes. Nothing you have saved is lost.
error-summary-title = There is a problem
notice-title = Done
error-prefix = Error:

## Widgets
date-day = Day
date-month = Month
date-year = Year
panel-reference = Your reference number
change = Change
step-indicator = Step { $step } of { $total }

## Home
home-title = Renew your licence, register a vehicle and book an inspection online
home-lead = Use Uraia to deal with the National Transport and Safety Authority from your phone: one account, pay by M-Pesa or card, and get a slip that anyone can check.
home-services-heading = What you can do
home-service-licence = renew a driving licence, apply for a smart driving licence (Smart DL), replace a lost one, or get a provisional licence to learn
home-service-registration = register a vehicle or transfer its ownership
home-service-inspection = book a vehicle inspection
home-service-test = book a driving test, then apply for your first smart driving licence after a pass
home-service-psv = license a matatu or bus
home-service-badge = get a PSV badge as a matatu or bus driver or conductor
home-service-tims = link your old NTSA TIMS account
home-service-pay = pay by M-Pesa or card and download a slip that anyone can verify
home-soon-heading = Opening soon (until then, on eCitizen)
home-go-to-services = Go to Your services
home-need-heading = What you need
home-need-id = your national ID number (or your passport, foreigner certificate or organisation's KRA PIN for other types of account)
home-need-contact = an email address and a mobile number that can receive SMS
home-need-pay = M-Pesa or a bank card to pay the fee
home-fees-link = Check what a service costs
demo-banner-title = Demonstration service
demo-banner-body = This copy of Uraia uses an invented register. Do not enter your real personal details.

## Fees
fees-title = Check what a service costs
fees-lead = Each payment is the fee for the service plus a small access fee for using the online service. The government set the access fees in December 2023.
fees-question = Which service do you need?
fees-hint = The fee is shown under each service.
fees-submit = Show the total
fees-result-heading = What you will pay
fees-row-fee = Service fee
fees-row-access = Access fee
fees-row-total = Total
fees-access-heading = Access fees
fees-access-body = The access fee depends on the amount of the service fee.
fees-access-caption = Access fee by service fee
fees-access-amount = Service fee
fees-access-fee = Access fee
fees-band-range = { $from } to { $to }
fees-band-from = { $from } or more
fees-error-choose = Select a service to see what it costs

## Services (by fee table code)
service-dl-renewal-1y = Driving licence renewal, 1 year
service-dl-renewal-3y = Driving licence renewal, 3 years
service-smart-dl = Smart driving licence (application or renewal)
service-provisional-dl = Provisional driving licence
service-driving-test = Driving test booking
service-psv-badge = PSV badge (driver or conductor)
service-inspection = Vehicle inspection booking
service-vehicle-search = Copy of records (vehicle search)
service-transfer-upto-1000cc = Transfer of ownership, up to 1,000 cc
service-transfer-1001-1200cc = Transfer of ownership, 1,001 to 1,200 cc
service-transfer-1201-1500cc = Transfer of ownership, 1,201 to 1,500 cc
service-transfer-1501-1700cc = Transfer of ownership, 1,501 to 1,700 cc
service-transfer-1701-2000cc = Transfer of ownership, 1,701 to 2,000 cc
service-transfer-2001-2500cc = Transfer of ownership, 2,001 to 2,500 cc
service-transfer-2501-3000cc = Transfer of ownership, 2,501 to 3,000 cc
service-transfer-over-3000cc = Transfer of ownership, over 3,000 cc
service-registration-under-1000cc = Vehicle registration, up to 1,000 cc
service-registration-1001-1200cc = Vehicle registration, 1,001 to 1,200 cc
service-registration-over-3000cc = Vehicle registration, over 3,000 cc
service-psv-6-8-seats = PSV road service licence, 6 to 8 seats
service-psv-9-14-seats = PSV road service licence, 9 to 14 seats
service-psv-over-26-seats = PSV road service licence, over 26 seats
