## Help pages: one per service open on Uraia and per common question.

help-title = Help
help-link = Help
help-intro = Answers about each service and about paying, refunds and your account. If yours is not here, contact us.
help-services-heading = Services
help-general-heading = Common questions
help-contact-heading = Still need help?
help-contact-text = Ask NTSA: we answer within 2 working days.
help-found-heading = Help pages
help-no-fee = There is no fee.
help-go-to-service = Go to { $service }

help-section-need = What you need before you start
help-section-time = How long it takes
help-section-fee = The fee
help-section-refused = Why applications are refused
help-section-after = What happens after you pay
help-section-how = How to pay
help-section-failed = When a payment fails
help-section-refunds = Refunds
help-section-signin = Signing in
help-section-codes = Codes by SMS and email
help-section-photo = Your passport photo

help-dl-renewal-title = Help: renewing a driving licence
help-dl-renewal-keywords = renew licence license expired smart DL card slip fines
help-dl-renewal-time = A few minutes online. A renewal is done as soon as it is paid, and the renewal slip is ready at once. A Smart DL card is collected at the centre you chose.
help-dl-renewal-refused = A renewal is refused when the licence is not yours or is not in the register, or when traffic fines are unpaid. The reason is on your application's page.
help-dl-renewal-after = Your receipt and renewal slip are on the application's page. Anyone can check the slip with the code printed on it. Carry it until your card arrives.

help-tims-title = Help: linking your old TIMS account
help-tims-keywords = TIMS old account link migrate vehicles licences
help-tims-time = A few minutes.
help-tims-refused = An old account is linked only when your KRA PIN or ID number matches its record. After 5 attempts that do not match in a day, wait until the next day.
help-tims-after = The vehicles and licences of the old account appear under Your services.

help-inspection-title = Help: booking a vehicle inspection
help-inspection-keywords = inspection book centre date motor vehicle test
help-inspection-time = Choose a centre, a date and a time, then pay within 15 minutes while we hold the place. The booking is confirmed as soon as it is paid.
help-inspection-refused = If the place you held ran out before your payment arrived and none is left, an officer offers you another time or your fee is refunded.
help-inspection-after = Bring the vehicle and the booking slip to the centre on the day, 15 minutes early. The slip is not an inspection pass.

help-registration-title = Help: registering a vehicle
help-registration-keywords = register new imported vehicle chassis engine customs number plate logbook
help-registration-time = An officer checks the application, usually within 2 working days. If they ask you a question, answer it on the application's page.
help-registration-refused = An application is refused when the documents do not prove what it says, when the chassis number or customs entry do not match the records, or when the vehicle is registered already. You can correct a refused application and send it again without paying again.
help-registration-after = When it is approved, the registration slip with the number plate is on the application's page. The logbook follows.

help-transfer-title = Help: transferring a vehicle
help-transfer-keywords = transfer ownership sell buy vehicle seller buyer logbook
help-transfer-time = The seller pays and starts the transfer; the buyer has 14 days to accept it from their own account. The vehicle is theirs as soon as they accept.
help-transfer-refused = A transfer stops when the buyer declines it or does not answer within 14 days, or when a caveat is noted on the vehicle. If an officer refuses it, you can correct it and send it again without paying again.
help-transfer-after = Seller and buyer each get their acknowledgement to download and check. If the transfer cannot go ahead, the fee is refunded.

help-vehicle-search-title = Help: searching a vehicle's record
help-vehicle-search-keywords = search vehicle record owner before buying plate history
help-vehicle-search-time = At once, as soon as it is paid.
help-vehicle-search-refused = A record is given only for a number plate that is in the register. Check the plate before you pay.
help-vehicle-search-after = The copy of the record, as the register had it when you paid, is on the application's page. Anyone can check it with its code.

help-provisional-dl-title = Help: a provisional driving licence
help-provisional-dl-keywords = provisional learner permit PDL L plate class age
help-provisional-dl-time = A few minutes online, then an officer checks the application, usually within 2 working days.
help-provisional-dl-refused = A class is refused before you pay when you are too young for it (the page says the day you will be old enough), your licence already has it, or a provisional licence for it is still valid. An officer rejects an application when the register's details are in doubt; you can correct it and send it again without paying twice.
help-provisional-dl-after = When it is approved, the provisional licence is on your dashboard for 3 months, with a slip to download. Enrol at a driving school for the class.

help-driving-test-title = Help: booking a driving test
help-driving-test-keywords = driving test book unit date time school complete pass fail move cancel
help-driving-test-time = Choose a test unit, a date and a time, then pay within 15 minutes while we hold the place. You can move or cancel the booking up to 24 hours before.
help-driving-test-refused = You can book only a class your driving school has marked complete, while your provisional licence for it is valid, with one booking a class at a time.
help-driving-test-after = Bring your provisional licence and national ID card to the unit on the day. The examiner records the result on your application; a pass gives a certificate of competence valid 3 months, in which to apply for your first smart licence.

help-psv-badge-title = Help: a PSV badge
help-psv-badge-keywords = badge PSV driver conductor matatu bus good conduct
help-psv-badge-time = A few minutes online, then an officer checks the certificate of good conduct, usually within 2 working days.
help-psv-badge-refused = A driver must be 21 or older with a valid licence that has held a PSV class for 3 years; a conductor must be 18 or older. The page says which rule is not met and the day it will be, where there is one. An officer rejects an application whose certificate number does not check out.
help-psv-badge-after = When it is approved, the badge slip is on the application's page; anyone can check it with the code printed on it.

help-psv-licence-title = Help: a road service licence for a matatu or bus
help-psv-licence-keywords = matatu bus PSV road service licence SACCO route seats inspection
help-psv-licence-time = A few minutes online for one of the SACCO's or company's authorised people, then an officer checks the vehicle and the route, usually within 2 working days.
help-psv-licence-refused = The vehicle needs a valid inspection (the page links to booking one) and 6 to 14 or more than 26 seats: there is no published fee for 15 to 26 seats, so those are licensed at an NTSA office. An officer rejects an application for a route the vehicle may not work; you can correct it and send it again without paying twice.
help-psv-licence-after = When it is approved, the licence and its last day are on the vehicle's record, and its slip is on the application's page; anyone can check it with the code printed on it.

help-first-dl-title = Help: your first smart driving licence
help-first-dl-keywords = first licence smart DL card passed test certificate competence collection centre
help-first-dl-time = A few minutes online, then an officer at the collection centre you chose checks the application, usually within 2 working days.
help-first-dl-refused = You can apply only while the certificate of competence from your pass is valid (3 months), for classes your licence does not have yet. An officer rejects an application when the photo or details are not right; you can correct it and send it again without paying twice.
help-first-dl-after = When it is approved, the licence is on the register and your dashboard, and its slip is proof of it until you collect the card. NTSA sends an SMS when the card is ready.

help-dl-replacement-title = Help: replacing a smart driving licence
help-dl-replacement-keywords = replace lost stolen damaged card duplicate police abstract
help-dl-replacement-time = A few minutes online, then an officer at the collection centre you chose checks the application, usually within 2 working days.
help-dl-replacement-refused = An expired licence is renewed, not replaced. A lost or stolen card needs a police abstract; an officer rejects an application whose abstract does not check out, and you can correct it and send it again without paying twice.
help-dl-replacement-after = When it is approved, the old card and its slip are no longer valid (the public check says it was replaced), and the new card's slip is proof of your licence until you collect the card.

help-paying-title = Help: paying and refunds
help-paying-keywords = pay payment M-Pesa paybill card refund money back paid twice wrong amount
help-paying-how = Pay by M-Pesa (a prompt on your phone, or Pay Bill from the M-Pesa menu or your bank app with the application's reference as the account number), or by debit or credit card. Each application shows its total.
help-paying-failed = If a prompt fails nothing is taken: try again, or pay by Pay Bill. If money left your account and the application did not move on, do not pay again: contact us with the M-Pesa receipt.
help-paying-refunds = Money paid twice, the wrong amount, or for an application that ended without its service is refunded the way it came: to the M-Pesa number that paid, or to the card. You get an SMS and an email when it is done, and the application's page shows it. Money paid under a mistyped account number is found and matched by NTSA.

help-account-title = Help: your account
help-account-keywords = account sign in password code SMS email photo not received
help-account-signin = Sign in with your email address or ID number and your password, then the code we send to your phone or email.
help-account-codes = A code works for a few minutes. If it does not arrive, wait a minute and ask for a new one, and check that your phone can receive SMS. Never give a code to anyone, NTSA staff included.
help-account-photo = Your passport photo must be a JPEG or PNG of at most 500 x 500 pixels, with your face clear on a plain background.
